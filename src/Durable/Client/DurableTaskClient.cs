using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Client;

/// <summary>
/// Starts, signals, inspects and cleans up orchestration instances. Operations are messages to the instance;
/// they take effect when a worker processes them.
/// </summary>
public sealed class DurableTaskClient(IOrchestrationStore store, DataConverter? converter = null, TimeProvider? time = null)
{
    private static readonly OrchestrationRuntimeStatus[] UnfinishedStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private readonly DataConverter converter = converter ?? JsonDataConverter.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>Schedules a new instance and returns its id.</summary>
    /// <exception cref="OrchestrationAlreadyExistsException">The id exists in one of the dedupe statuses.</exception>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, nameof(options));
        var now = this.time.GetUtcNow();
        var startAt = options?.StartAt is { } at && at > now ? at : (DateTimeOffset?)null;
        var started = new ExecutionStartedEvent(
            now, orchestratorName, options?.Version, this.converter.Serialize(input), Guid.NewGuid().ToString("N"),
            Tags: options?.Tags, ScheduledStartTime: startAt);
        await store.CreateInstanceAsync(new OrchestrationMessage(instanceId, started, startAt), options?.DedupeStatuses ?? UnfinishedStatuses, cancellation);
        return instanceId;
    }

    /// <summary>The instance's metadata, or null when there is no such instance.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await store.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation);
        return state is null ? null : this.ToMetadata(state);
    }

    /// <summary>The instances matching the query, page by page.</summary>
    public AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return AsyncPageable<OrchestrationMetadata>.Create(async (token, pageSize, cancellation) =>
        {
            var page = await store.QueryInstancesAsync(query with { ContinuationToken = token ?? query.ContinuationToken, PageSize = pageSize ?? query.PageSize }, cancellation);
            return new Page<OrchestrationMetadata>([.. page.Instances.Select(this.ToMetadata)], page.ContinuationToken);
        });
    }

    /// <summary>Waits until the instance has started (left Pending).</summary>
    public Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => this.WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <summary>Waits until the instance has finished (completed, failed or terminated).</summary>
    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => this.WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <summary>Delivers an external event to a running instance.</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return this.SendAsync(instanceId, new EventRaisedEvent(this.time.GetUtcNow(), eventName, this.converter.Serialize(eventPayload)), cancellation);
    }

    /// <summary>Terminates an instance with an output; running sub-orchestrations are terminated too.</summary>
    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
        => this.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(output), cancellation);

    /// <summary>Terminates an instance.</summary>
    public Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options, CancellationToken cancellation = default)
    {
        options ??= new TerminateInstanceOptions();
        return this.SendAsync(instanceId, new ExecutionTerminatedEvent(this.time.GetUtcNow(), this.converter.Serialize(options.Output), options.Recursive), cancellation);
    }

    /// <summary>Suspends an instance: it keeps receiving events but processes none until resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => this.SendAsync(instanceId, new ExecutionSuspendedEvent(this.time.GetUtcNow(), reason), cancellation);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
        => this.SendAsync(instanceId, new ExecutionResumedEvent(this.time.GetUtcNow(), reason), cancellation);

    /// <summary>Rewinds a failed instance: its failed steps run again and it continues from there.</summary>
    /// <exception cref="InvalidOperationException">The instance is not failed.</exception>
    public async Task RewindInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation);
        if (state.Status != OrchestrationRuntimeStatus.Failed)
        {
            throw new InvalidOperationException($"Only failed instances can be rewound; '{instanceId}' is {state.Status}.");
        }

        await this.SendAsync(instanceId, new ExecutionRewoundEvent(this.time.GetUtcNow(), reason), cancellation);
    }

    /// <summary>Starts the instance again from its original input, under the same id or a new one; returns the id.</summary>
    /// <exception cref="InvalidOperationException">Restarting under the same id while the instance is unfinished.</exception>
    public async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation, includePayloads: true);
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var started = new ExecutionStartedEvent(this.time.GetUtcNow(), state.Name, state.Version, state.Input, Guid.NewGuid().ToString("N"), Tags: state.Tags);
        await store.CreateInstanceAsync(new OrchestrationMessage(newId, started), UnfinishedStatuses, cancellation);
        return newId;
    }

    /// <summary>Deletes a finished instance and its history.</summary>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return new PurgeResult(await store.PurgeInstanceAsync(instanceId, cancellation));
    }

    /// <summary>Deletes the finished instances matching the filter.</summary>
    public async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new PurgeResult(await store.PurgeInstancesAsync(filter, cancellation));
    }

    /// <summary>The current execution's history, oldest event first.</summary>
    public Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return store.GetHistoryAsync(instanceId, cancellation);
    }

    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            if (await this.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, this.time, cancellation);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (!await store.SendMessageAsync(new OrchestrationMessage(instanceId, message), cancellation))
        {
            throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
        }
    }

    private async Task<OrchestrationState> RequireAsync(string instanceId, CancellationToken cancellation, bool includePayloads = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return await store.GetInstanceAsync(instanceId, includePayloads, cancellation)
            ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state) => new(state.Name, state.InstanceId)
    {
        RuntimeStatus = state.Status,
        CreatedAt = state.CreatedAt,
        LastUpdatedAt = state.LastUpdatedAt,
        ScheduledStartTime = state.ScheduledStartTime,
        Version = state.Version,
        SerializedInput = state.Input,
        SerializedOutput = state.Output,
        SerializedCustomStatus = state.CustomStatus,
        FailureDetails = state.FailureDetails,
        Tags = state.Tags ?? new Dictionary<string, string>(),
        ParentInstanceId = state.ParentInstanceId,
        DataConverter = this.converter,
    };
}
