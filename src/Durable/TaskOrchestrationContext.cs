using Microsoft.Extensions.Logging;

namespace PaymentFunctions.Durable;

/// <summary>
/// What an orchestrator sees of the world. Orchestrator code is replayed from its history many times, so it must
/// be deterministic: time, ids, waiting and all I/O come from this context, never from the clock, <c>Guid</c>,
/// <c>Task.Delay</c> or the network.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The parent orchestration when this one runs as a sub-orchestration; otherwise null.</summary>
    public abstract ParentOrchestrationInstance? Parent { get; }

    /// <summary>The version the instance was started with.</summary>
    public abstract string? Version { get; }

    /// <summary>The current time, replay-safe: the time the current episode started, in UTC.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Whether the code is re-running from history; side effects such as logs should be skipped then.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The logger factory behind <see cref="CreateReplaySafeLogger(string)"/>.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>The orchestration's input, deserialized.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and waits for its result.</summary>
    /// <exception cref="TaskFailedException">The activity failed (after any retries).</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Schedules an activity and waits until it finishes.</summary>
    public virtual Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null)
        => this.CallActivityAsync<object?>(name, input, options);

    /// <summary>A durable timer that fires at the given UTC time; cancelling the token abandons it.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after the given delay from <see cref="CurrentUtcDateTime"/>.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => this.CreateTimer(this.CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for an external event by name (case-insensitive). Events that arrived earlier are buffered and
    /// handed out first in, first out.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event or gives up after <paramref name="timeout"/>.</summary>
    /// <exception cref="TaskCanceledException">The timeout elapsed first.</exception>
    public virtual Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
        => this.WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    /// <summary>Waits for an external event, giving up after <paramref name="timeout"/> or on cancellation.</summary>
    /// <exception cref="TaskCanceledException">The timeout elapsed or the token was cancelled first.</exception>
    public virtual async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = this.CreateTimer(timeout, timerCts.Token);
        var externalEvent = this.WaitForExternalEvent<T>(eventName, eventCts.Token);
        var winner = await Task.WhenAny(timer, externalEvent);
        if (winner == externalEvent)
        {
            timerCts.Cancel();
        }
        else
        {
            eventCts.Cancel();
        }

        return await externalEvent;
    }

    /// <summary>Sends an event to another instance (fire and forget, delivered once the episode is checkpointed).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? payload);

    /// <summary>Sets a status object that clients can read while the instance runs.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Starts a sub-orchestration and waits for its output.</summary>
    /// <exception cref="SubOrchestrationFailedException">The sub-orchestration failed (after any retries).</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>Starts a sub-orchestration and waits until it finishes.</summary>
    public virtual Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null)
        => this.CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>
    /// Restarts the instance with a new input and an empty history once the orchestrator returns, so eternal
    /// orchestrations do not grow without bound. Buffered events are carried over when asked.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A replay-safe, name-based (UUID v5) id: the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    public virtual ILogger CreateReplaySafeLogger(string categoryName)
        => new Replay.ReplaySafeLogger(this, this.LoggerFactory.CreateLogger(categoryName));

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    public ILogger CreateReplaySafeLogger(Type type) => this.CreateReplaySafeLogger(type.FullName ?? type.Name);

    /// <summary>A logger that stays silent while the orchestrator replays.</summary>
    public ILogger CreateReplaySafeLogger<T>() => this.CreateReplaySafeLogger(typeof(T));
}
