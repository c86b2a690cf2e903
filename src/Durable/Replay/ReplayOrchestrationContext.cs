using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Replay;

/// <summary>
/// The context the executor hands to orchestrator code. It turns calls into actions with sequence ids, matches
/// them against history while replaying, and completes the awaited tasks from recorded results.
/// </summary>
internal sealed class ReplayOrchestrationContext(string instanceId, DataConverter converter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, OrchestratorAction> pendingActions = [];
    private readonly Dictionary<int, OpenTask> openTasks = [];
    private readonly List<EventRaisedEvent> bufferedEvents = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private ExecutionStartedEvent? start;
    private object? input;
    private int nextSequenceId;
    private int guidCounter;
    private DateTimeOffset currentUtcDateTime;

    public override string Name => this.Start.Name;

    public override string InstanceId { get; } = instanceId;

    public override ParentOrchestrationInstance? Parent
        => this.Start.Parent is { } parent ? new ParentOrchestrationInstance(parent.Name, parent.InstanceId) : null;

    public override string? Version => this.Start.Version;

    public override DateTime CurrentUtcDateTime => this.currentUtcDateTime.UtcDateTime;

    public override bool IsReplaying => this.Replaying;

    /// <summary>Set by the executor while it feeds events from stored history.</summary>
    public bool Replaying { get; set; }

    /// <summary>The serialized custom status as last set by the code.</summary>
    public string? CustomStatus { get; private set; }

    /// <summary>Set when the code called <see cref="ContinueAsNew"/>.</summary>
    public (string? Input, bool PreserveUnprocessedEvents)? ContinueAsNewRequest { get; private set; }

    /// <summary>Actions the code produced that history has not recorded: this episode's new work.</summary>
    public IReadOnlyList<OrchestratorAction> NewActions => [.. this.pendingActions.Values];

    /// <summary>Children started and not finished.</summary>
    public IReadOnlyList<string> RunningSubOrchestrations
        => [.. this.openTasks.Values.Where(t => t.Kind == OpenTaskKind.SubOrchestration).Select(t => t.InstanceId!)];

    /// <summary>Events that arrived and that nobody has waited for yet, in arrival order.</summary>
    public IReadOnlyList<EventRaisedEvent> BufferedEvents => this.bufferedEvents;

    protected override ILoggerFactory LoggerFactory { get; } = loggerFactory;

    private ExecutionStartedEvent Start
        => this.start ?? throw new InvalidOperationException("The orchestration has not started.");

    public void SetCurrentTime(DateTimeOffset time) => this.currentUtcDateTime = time;

    /// <summary>Starts the orchestrator code; the returned task completes when the orchestrator returns.</summary>
    public Task<object?> Run(ExecutionStartedEvent started, ITaskOrchestrator orchestrator)
    {
        this.start = started;
        return RunAsync();

        async Task<object?> RunAsync()
        {
            this.input = converter.Deserialize(started.Input, orchestrator.InputType);
            return await orchestrator.RunAsync(this, this.input);
        }
    }

    public override T? GetInput<T>()
        where T : default
        => this.input is T typed ? typed : converter.Deserialize<T>(this.Start.Input);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var serializedInput = converter.Serialize(input);
        int? stepId = null;
        Task<TResult> Attempt()
        {
            var id = this.nextSequenceId++;
            stepId ??= id;
            this.pendingActions.Add(id, new ScheduleTaskAction(id, name, options?.Version, serializedInput, stepId.Value, options?.Tags));
            return this.ReadResultAsync<TResult>(this.Open(id, new OpenTask(name, OpenTaskKind.Activity)).Task);
        }

        return options?.Retry is { } retry ? this.RetryAsync(Attempt, retry.Policy) : Attempt();
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var childId = (options as SubOrchestrationOptions)?.InstanceId ?? this.NewGuid().ToString("N");
        var serializedInput = converter.Serialize(input);
        Task<TResult> Attempt()
        {
            var id = this.nextSequenceId++;
            this.pendingActions.Add(id, new CreateSubOrchestrationAction(id, orchestratorName, options?.Version, childId, serializedInput));
            return this.ReadResultAsync<TResult>(this.Open(id, new OpenTask(orchestratorName, OpenTaskKind.SubOrchestration, childId)).Task);
        }

        return options?.Retry is { } retry ? this.RetryAsync(Attempt, retry.Policy) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var fireAtUtc = new DateTimeOffset(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc));
        var id = this.nextSequenceId++;
        this.pendingActions.Add(id, new CreateTimerAction(id, fireAtUtc));
        var timer = this.Open(id, new OpenTask("Timer", OpenTaskKind.Timer));
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() => timer.TrySetCanceled(cancellationToken));
            timer.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return timer.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var index = this.bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = this.bufferedEvents[index];
            this.bufferedEvents.RemoveAt(index);
            return this.ReadResultAsync<T>(Task.FromResult(buffered.Input));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (!this.eventWaiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<TaskCompletionSource<string?>>();
            this.eventWaiters.Add(eventName, waiters);
        }

        var node = waiters.AddLast(new TaskCompletionSource<string?>());
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                node.Value.TrySetCanceled(cancellationToken);
            });
            node.Value.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return this.ReadResultAsync<T>(node.Value.Task);
    }

    public override void SendEvent(string instanceId, string eventName, object? payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = this.nextSequenceId++;
        this.pendingActions.Add(id, new SendEventAction(id, instanceId, eventName, converter.Serialize(payload)));
    }

    public override void SetCustomStatus(object? customStatus) => this.CustomStatus = converter.Serialize(customStatus);

    public string? SerializeOutput(object? output) => converter.Serialize(output);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => this.ContinueAsNewRequest = (converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
        => NameBasedGuid.Create($"{this.InstanceId}_{this.Start.ExecutionId}_{this.guidCounter++}");

    /// <summary>Checks a recorded scheduling event against the action the code produced at its sequence id.</summary>
    public void MatchRecordedAction(HistoryEvent recorded)
    {
        var expected = Describe(recorded);
        if (!this.pendingActions.Remove(recorded.EventId, out var action))
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, expected, "no action");
        }

        if (action.Describe() != expected)
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, expected, action.Describe());
        }
    }

    /// <summary>Delivers a result, timer or external event to the code.</summary>
    public void Deliver(HistoryEvent incoming)
    {
        switch (incoming)
        {
            case TaskCompletedEvent e:
                this.Complete(e.TaskScheduledId)?.TrySetResult(e.Result);
                break;
            case SubOrchestrationInstanceCompletedEvent e:
                this.Complete(e.TaskScheduledId)?.TrySetResult(e.Result);
                break;
            case TimerFiredEvent e:
                this.Complete(e.TimerId)?.TrySetResult(null);
                break;
            case TaskFailedEvent e:
                this.Fail(e.TaskScheduledId, e.FailureDetails);
                break;
            case SubOrchestrationInstanceFailedEvent e:
                this.Fail(e.TaskScheduledId, e.FailureDetails);
                break;
            case EventRaisedEvent e:
                this.Raise(e);
                break;
            default:
                throw new ArgumentException($"{incoming.EventType} is not delivered to orchestrator code.", nameof(incoming));
        }
    }

    private static string Describe(HistoryEvent recorded) => recorded switch
    {
        TaskScheduledEvent e => $"TaskScheduled '{e.Name}'",
        SubOrchestrationInstanceCreatedEvent e => $"SubOrchestrationInstanceCreated '{e.Name}'",
        EventSentEvent e => $"EventSent '{e.Name}'",
        TimerCreatedEvent => "TimerCreated",
        _ => recorded.EventType.ToString(),
    };

    private TaskCompletionSource<string?> Open(int id, OpenTask task)
    {
        this.openTasks.Add(id, task);
        return task.Completion;
    }

    // Results for unknown ids (a cancelled timer, a duplicate delivery) are ignored.
    private TaskCompletionSource<string?>? Complete(int id)
        => this.openTasks.Remove(id, out var task) ? task.Completion : null;

    private void Fail(int id, TaskFailureDetails details)
    {
        if (this.openTasks.Remove(id, out var task))
        {
            task.Completion.TrySetException(task.Kind == OpenTaskKind.SubOrchestration
                ? new SubOrchestrationFailedException(task.Name, id, task.InstanceId!, details)
                : new TaskFailedException(task.Name, id, details));
        }
    }

    private void Raise(EventRaisedEvent raised)
    {
        if (this.eventWaiters.TryGetValue(raised.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
        }
        else
        {
            this.bufferedEvents.Add(raised);
        }
    }

    private async Task<T> ReadResultAsync<T>(Task<string?> result)
        => (T)converter.Deserialize(await result, typeof(T))!;

    private async Task<T> RetryAsync<T>(Func<Task<T>> attempt, RetryPolicy policy)
    {
        var firstAttemptAt = this.CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (attemptNumber < policy.MaxNumberOfAttempts && policy.Handle(failure))
            {
                var nextAttemptAt = this.CurrentUtcDateTime + policy.GetDelay(attemptNumber);
                if (policy.RetryTimeout is { } timeout && nextAttemptAt > firstAttemptAt + timeout)
                {
                    throw;
                }

                await this.CreateTimer(nextAttemptAt, CancellationToken.None);
            }
        }
    }
}
