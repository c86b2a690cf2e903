using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PaymentFunctions.App.Samples;
using PaymentFunctions.Functions.Durable;

namespace PaymentFunctions.Functions.Samples;

/// <summary>
/// The samples are registered as functions (lambdas), not classes, in <see cref="SampleOrchestrations.AddSamples"/>;
/// the Functions host runs the very same registrations, looked up by name in a registry filled by that call.
/// </summary>
internal static class SampleTasks
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddSamples();

    /// <summary>Runs the registered orchestrator named like the function.</summary>
    public static async Task<object?> RunOrchestratorAsync(TaskOrchestrationContext context, FunctionContext function, object? input)
    {
        var create = Registry.GetOrchestrators().Single(o => o.Key.Name == function.FunctionDefinition.Name).Value;
        return await create(function.InstanceServices).RunAsync(context, input);
    }

    /// <summary>Runs the registered activity named like the function.</summary>
    public static async Task<object?> RunActivityAsync(FunctionContext function, object? input)
    {
        var create = Registry.GetActivities().Single(a => a.Key.Name == function.FunctionDefinition.Name).Value;
        return await create(function.InstanceServices).RunAsync(new FunctionActivityContext(function), input);
    }
}
