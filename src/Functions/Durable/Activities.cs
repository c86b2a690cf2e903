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
        // The context first: an invocation without an orchestration is refused before anything is built.
        var context = new FunctionActivityContext(function);
        return ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices).RunAsync(context, input);
    }
}
