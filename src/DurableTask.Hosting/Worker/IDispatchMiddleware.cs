using DurableTask.Core.Middleware;

namespace PaymentFunctions.DurableTask.Hosting.Worker;

/// <summary>
/// Runs around every orchestration episode and every activity execution of the worker, as DTFx dispatcher
/// middleware: register implementations in DI and the worker adds them in registration order. After
/// <c>next</c> returns, the context holds what DTFx produced (<c>OrchestratorExecutionResult</c> for an episode,
/// <c>ActivityExecutionResult</c> for an activity); telemetry reads it there.
/// </summary>
public interface IDispatchMiddleware
{
    /// <summary>Wraps one episode; the context carries the <c>OrchestrationRuntimeState</c>.</summary>
    Task OrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next);

    /// <summary>Wraps one activity execution; the context carries its <c>TaskScheduledEvent</c>.</summary>
    Task ActivityAsync(DispatchMiddlewareContext context, Func<Task> next);
}
