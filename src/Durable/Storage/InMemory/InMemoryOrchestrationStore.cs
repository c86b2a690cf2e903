using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Storage.InMemory;

/// <summary>
/// A store in process memory for fast tests and samples. It keeps every rule of the store contract (leases,
/// FIFO messages, visibility times, atomic checkpoints) under one lock; nothing survives the process.
/// </summary>
public sealed class InMemoryOrchestrationStore(TimeProvider? time = null, TimeSpan? lockTimeout = null) : IOrchestrationStore
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly TimeSpan lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
    private readonly object gate = new();
    private readonly Dictionary<string, InstanceRecord> instances = new(StringComparer.Ordinal);
    private readonly LinkedList<TaskRecord> tasks = new();
    private readonly WakeUp orchestrationWork = new();
    private readonly WakeUp activityWork = new();
    private long nextSequenceNumber;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var now = this.time.GetUtcNow();
        var items = new List<OrchestrationWorkItem>();
        lock (this.gate)
        {
            var ready = this.instances.Values
                .Where(i => i.LockedUntil <= now)
                .Select(i => (Instance: i, Visible: i.Messages.Where(m => (m.VisibleAt ?? now) <= now).ToList()))
                .Where(x => x.Visible.Count > 0 && (x.Instance.State.Status != OrchestrationRuntimeStatus.Pending
                    || x.Visible.Any(m => m.Event is ExecutionStartedEvent or ExecutionTerminatedEvent)))
                .OrderBy(x => x.Visible[0].SequenceNumber)
                .Take(maxCount);
            foreach (var (instance, visible) in ready)
            {
                instance.LockedUntil = now + this.lockTimeout;
                instance.LockToken = Guid.NewGuid().ToString("N");
                instance.DequeueCount++;
                items.Add(new OrchestrationWorkItem(instance.State.InstanceId, instance.State, [.. instance.History], visible, instance.DequeueCount, instance.LockToken));
            }
        }

        return Task.FromResult<IReadOnlyList<OrchestrationWorkItem>>(items);
    }

    /// <inheritdoc />
    public Task<bool> CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        var now = this.time.GetUtcNow();
        lock (this.gate)
        {
            if (!this.instances.TryGetValue(workItem.InstanceId, out var instance) || instance.LockToken != workItem.LockToken)
            {
                return Task.FromResult(false);
            }

            if (checkpoint.ReplaceHistory)
            {
                instance.History.Clear();
            }

            instance.History.AddRange(checkpoint.NewHistory);
            instance.State = checkpoint.State with { LastUpdatedAt = now };
            var consumed = workItem.Messages.Select(m => m.SequenceNumber).ToHashSet();
            instance.Messages.RemoveAll(m => consumed.Contains(m.SequenceNumber));
            instance.LockToken = null;
            instance.LockedUntil = DateTimeOffset.MinValue;
            instance.DequeueCount = 0;

            foreach (var activity in checkpoint.Activities)
            {
                this.tasks.AddLast(new TaskRecord(++this.nextSequenceNumber, activity));
            }

            foreach (var message in checkpoint.Messages)
            {
                if (message.Event is ExecutionStartedEvent started && message.InstanceId != workItem.InstanceId)
                {
                    if (this.instances.TryGetValue(message.InstanceId, out var existing) && !existing.State.Status.IsTerminal())
                    {
                        this.Enqueue(SubOrchestrationCollision(started, message.InstanceId, now));
                    }
                    else
                    {
                        this.CreateOrReplace(message, started, now);
                    }
                }
                else
                {
                    this.Enqueue(message);
                }
            }
        }

        this.orchestrationWork.Signal();
        if (checkpoint.Activities.Count > 0)
        {
            this.activityWork.Signal();
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            if (this.instances.TryGetValue(workItem.InstanceId, out var instance) && instance.LockToken == workItem.LockToken)
            {
                instance.LockToken = null;
                instance.LockedUntil = this.time.GetUtcNow() + delay;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RenewOrchestrationWorkItemLockAsync(OrchestrationWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            if (this.instances.TryGetValue(workItem.InstanceId, out var instance) && instance.LockToken == workItem.LockToken)
            {
                instance.LockedUntil = this.time.GetUtcNow() + this.lockTimeout;
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ActivityWorkItem>> LockActivityWorkItemsAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        var now = this.time.GetUtcNow();
        var items = new List<ActivityWorkItem>();
        lock (this.gate)
        {
            foreach (var task in this.tasks)
            {
                if (items.Count == maxCount)
                {
                    break;
                }

                if (task.LockedUntil <= now)
                {
                    task.LockedUntil = now + this.lockTimeout;
                    task.LockToken = Guid.NewGuid().ToString("N");
                    task.DequeueCount++;
                    items.Add(new ActivityWorkItem(task.Id, task.Request, task.DequeueCount, task.LockToken));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ActivityWorkItem>>(items);
    }

    /// <inheritdoc />
    public Task<bool> CompleteActivityWorkItemAsync(ActivityWorkItem workItem, HistoryEvent result, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            var node = this.FindTask(workItem);
            if (node is null)
            {
                return Task.FromResult(false);
            }

            this.tasks.Remove(node);
            this.Enqueue(new OrchestrationMessage(workItem.Request.InstanceId, result, TargetExecutionId: workItem.Request.ExecutionId));
        }

        this.orchestrationWork.Signal();
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            if (this.FindTask(workItem) is { } node)
            {
                node.Value.LockToken = null;
                node.Value.LockedUntil = DateTimeOffset.MinValue;
            }
        }

        this.activityWork.Signal();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RenewActivityWorkItemLockAsync(ActivityWorkItem workItem, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            if (this.FindTask(workItem) is { } node)
            {
                node.Value.LockedUntil = this.time.GetUtcNow() + this.lockTimeout;
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public async Task WaitForWorkAsync(WorkItemKind kind, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var wakeUp = kind == WorkItemKind.Orchestration ? this.orchestrationWork : this.activityWork;
        var signal = wakeUp.Current;
        if (kind == WorkItemKind.Orchestration)
        {
            var now = this.time.GetUtcNow();
            lock (this.gate)
            {
                // Wake up when the next timer or scheduled start becomes visible.
                var next = this.instances.Values.SelectMany(i => i.Messages).Select(m => m.VisibleAt).Where(v => v > now).Min();
                if (next is { } visibleAt && visibleAt - now < maxWait)
                {
                    maxWait = visibleAt - now;
                }
            }
        }

        await Task.WhenAny(signal, Task.Delay(maxWait, this.time, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public Task CreateInstanceAsync(OrchestrationMessage startMessage, IReadOnlyCollection<OrchestrationRuntimeStatus> dedupeStatuses, CancellationToken cancellationToken = default)
    {
        var started = startMessage.Event as ExecutionStartedEvent
            ?? throw new ArgumentException("A start message carries an ExecutionStartedEvent.", nameof(startMessage));
        lock (this.gate)
        {
            if (this.instances.TryGetValue(startMessage.InstanceId, out var existing) && dedupeStatuses.Contains(existing.State.Status))
            {
                throw new OrchestrationAlreadyExistsException(startMessage.InstanceId, existing.State.Status.ToString());
            }

            this.CreateOrReplace(startMessage, started, this.time.GetUtcNow());
        }

        this.orchestrationWork.Signal();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> SendMessageAsync(OrchestrationMessage message, CancellationToken cancellationToken = default)
    {
        bool sent;
        lock (this.gate)
        {
            sent = this.Enqueue(message);
        }

        this.orchestrationWork.Signal();
        return Task.FromResult(sent);
    }

    /// <inheritdoc />
    public Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            return Task.FromResult(this.instances.TryGetValue(instanceId, out var instance) ? Project(instance.State, includePayloads) : null);
        }
    }

    /// <inheritdoc />
    public Task<InstanceQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        var after = InstanceCursor.Parse(query.ContinuationToken);
        lock (this.gate)
        {
            var page = this.instances.Values
                .Select(i => i.State)
                .Where(s => query.CreatedFrom is not { } from || s.CreatedAt >= from)
                .Where(s => query.CreatedTo is not { } to || s.CreatedAt < to)
                .Where(s => query.Statuses is not { Count: > 0 } statuses || statuses.Contains(s.Status))
                .Where(s => query.InstanceIdPrefix is not { } prefix || s.InstanceId.StartsWith(prefix, StringComparison.Ordinal))
                .Where(s => after is null || after.IsBefore(s.CreatedAt, s.InstanceId))
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.InstanceId, StringComparer.Ordinal)
                .Take(query.PageSize + 1)
                .ToList();
            var more = page.Count > query.PageSize;
            if (more)
            {
                page.RemoveAt(page.Count - 1);
            }

            var token = more ? new InstanceCursor(page[^1].CreatedAt, page[^1].InstanceId).ToString() : null;
            return Task.FromResult(new InstanceQueryResult([.. page.Select(s => Project(s, query.FetchInputsAndOutputs))], token));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            return Task.FromResult<IReadOnlyList<HistoryEvent>>(this.instances.TryGetValue(instanceId, out var instance) ? [.. instance.History] : []);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            return Task.FromResult(this.instances.TryGetValue(instanceId, out var instance) && instance.State.Status.IsTerminal() && this.Remove(instanceId) ? 1 : 0);
        }
    }

    /// <inheritdoc />
    public Task<int> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        lock (this.gate)
        {
            var doomed = this.instances.Values
                .Select(i => i.State)
                .Where(s => s.Status.IsTerminal())
                .Where(s => filter.CreatedFrom is not { } from || s.CreatedAt >= from)
                .Where(s => filter.CreatedTo is not { } to || s.CreatedAt < to)
                .Where(s => filter.Statuses is not { Count: > 0 } statuses || statuses.Contains(s.Status))
                .Select(s => s.InstanceId)
                .ToList();
            return Task.FromResult(doomed.Count(this.Remove));
        }
    }

    // A sub-orchestration cannot take over an instance id that is still running: its parent is told so.
    private static OrchestrationMessage SubOrchestrationCollision(ExecutionStartedEvent started, string instanceId, DateTimeOffset now)
    {
        var parent = started.Parent ?? throw new InvalidOperationException("Only sub-orchestrations are started by checkpoints.");
        var failure = new TaskFailureDetails(typeof(OrchestrationAlreadyExistsException).FullName!, $"An orchestration with instance id '{instanceId}' is already running.");
        return new OrchestrationMessage(parent.InstanceId, new SubOrchestrationInstanceFailedEvent(now, parent.TaskScheduledId, failure), TargetExecutionId: parent.ExecutionId);
    }

    private static OrchestrationState Project(OrchestrationState state, bool includePayloads)
        => includePayloads ? state : state with { Input = null, Output = null, CustomStatus = null };

    private void CreateOrReplace(OrchestrationMessage startMessage, ExecutionStartedEvent started, DateTimeOffset now)
    {
        this.Remove(startMessage.InstanceId);
        var state = new OrchestrationState(startMessage.InstanceId, started.Name, started.ExecutionId, OrchestrationRuntimeStatus.Pending, now, now)
        {
            Version = started.Version,
            Input = started.Input,
            Tags = started.Tags,
            ScheduledStartTime = started.ScheduledStartTime,
            ParentInstanceId = started.Parent?.InstanceId,
        };
        this.instances.Add(startMessage.InstanceId, new InstanceRecord(state));
        this.Enqueue(startMessage);
    }

    private bool Remove(string instanceId)
    {
        for (var node = this.tasks.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Request.InstanceId == instanceId)
            {
                this.tasks.Remove(node);
            }

            node = next;
        }

        return this.instances.Remove(instanceId);
    }

    private bool Enqueue(OrchestrationMessage message)
    {
        if (!this.instances.TryGetValue(message.InstanceId, out var instance))
        {
            return false;
        }

        instance.Messages.Add(message with { SequenceNumber = ++this.nextSequenceNumber });
        return true;
    }

    private LinkedListNode<TaskRecord>? FindTask(ActivityWorkItem workItem)
    {
        for (var node = this.tasks.First; node is not null; node = node.Next)
        {
            if (node.Value.Id == workItem.Id)
            {
                return node.Value.LockToken == workItem.LockToken ? node : null;
            }
        }

        return null;
    }

    private sealed class InstanceRecord(OrchestrationState state)
    {
        public OrchestrationState State { get; set; } = state;

        public List<HistoryEvent> History { get; } = [];

        public List<OrchestrationMessage> Messages { get; } = [];

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? LockToken { get; set; }

        public int DequeueCount { get; set; }
    }

    private sealed class TaskRecord(long id, ActivityRequest request)
    {
        public long Id { get; } = id;

        public ActivityRequest Request { get; } = request;

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public string? LockToken { get; set; }

        public int DequeueCount { get; set; }
    }

    private sealed class WakeUp
    {
        private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Current => Volatile.Read(ref this.signal).Task;

        public void Signal() => Interlocked.Exchange(ref this.signal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
