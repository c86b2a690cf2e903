using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace PaymentFunctions.Functions.Durable;

/// <summary>
/// The <see cref="TaskActivityContext"/> a shared <see cref="TaskActivity{TInput, TOutput}"/> class expects, made
/// from the activity function's invocation: the function name is the activity name, and the trigger's binding data
/// carries the orchestration instance (activities derive idempotency keys from it).
/// </summary>
public sealed class FunctionActivityContext(FunctionContext function) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = function.FunctionDefinition.Name;

    /// <inheritdoc />
    public override string InstanceId { get; } =
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id?.ToString() is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The activity '{function.FunctionDefinition.Name}' was not invoked by an orchestration: no instanceId in its binding data.");
}
