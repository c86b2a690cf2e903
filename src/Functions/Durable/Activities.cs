using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace PaymentFunctions.Functions.Durable;

/// <summary>Runs a shared activity class for an <c>[ActivityTrigger]</c> function, built from the invocation's services as the self-hosted worker builds it.</summary>
public static class Activities
{
    /// <summary>Creates <typeparamref name="TActivity"/> in the invocation's scope and runs it on <paramref name="input"/>.</summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext function, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(function), input);
    }
}
