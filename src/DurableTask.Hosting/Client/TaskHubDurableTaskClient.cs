using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.DurableTask.Hosting.Backends;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace PaymentFunctions.DurableTask.Hosting.Client;

/// <summary>
/// <see cref="DurableTaskClient"/> over a DTFx backend's client interfaces, so HTTP handlers get the client that
/// <c>[DurableClient]</c> gives them in Functions. Operations are messages to the instance that take effect when a
/// worker processes them; inputs and payloads use the same <see cref="DataConverter"/> as the worker's shims.
/// </summary>
public sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    private readonly DurableTaskBackend backend;
    private readonly DataConverter converter;
    private readonly TimeProvider time;

    /// <summary>A client of <paramref name="backend"/>'s task hub.</summary>
    public TaskHubDurableTaskClient(DurableTaskBackend backend, DataConverter converter, TimeProvider? time = null)
        : base("default")
    {
        this.backend = backend ?? throw new ArgumentNullException(nameof(backend));
        this.converter = converter ?? throw new ArgumentNullException(nameof(converter));
        this.time = time ?? TimeProvider.System;
    }

    private IOrchestrationServiceClient Client => this.backend.Client;

    /// <inheritdoc/>
    /// <remarks>Without <see cref="StartOrchestrationOptions.DedupeStatuses"/>, a start under an id whose instance is
    /// pending, running or suspended is refused, as in Durable Functions.</remarks>
    /// <exception cref="global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException">The id exists in a dedupe status.</exception>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        cancellation.ThrowIfCancellationRequested();
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, nameof(options));
        var startAt = options?.StartAt is { } at && at > this.time.GetUtcNow() ? at.UtcDateTime : (DateTime?)null;
        var message = StartMessage(
            instanceId, orchestratorName.Name, options?.Version?.Version, this.converter.Serialize(input), options?.Tags, startAt);
        await this.Client.CreateTaskOrchestrationAsync(message, CoreConversions.ParseDedupeStatuses(options?.DedupeStatuses));
        return instanceId;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No instance has the id.</exception>
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await this.RequireAsync(instanceId, cancellation);
        await this.SendAsync(instanceId, new EventRaisedEvent(-1, this.converter.Serialize(eventPayload)) { Name = eventName });
    }

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => this.WaitForAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => this.WaitForAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <inheritdoc/>
    /// <remarks>With <see cref="TerminateInstanceOptions.Recursive"/>, sub-orchestrations still running are terminated too.</remarks>
    public override async Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation);
        var reason = this.converter.Serialize(options?.Output);
        var children = options?.Recursive == true ? await this.ChildrenAsync(state, cancellation) : [];

        // The parent first: a child terminated before it would report its end, which could fail the parent first.
        if (!state.OrchestrationStatus.IsFinished())
        {
            await this.Client.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
        }

        foreach (var child in children)
        {
            if (await this.StateAsync(child, cancellation) is { } childState && !childState.OrchestrationStatus.IsFinished())
            {
                await this.TerminateInstanceAsync(child, options, cancellation);
            }
        }
    }

    /// <inheritdoc/>
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await this.RequireAsync(instanceId, cancellation);
        await this.SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));
    }

    /// <inheritdoc/>
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        await this.RequireAsync(instanceId, cancellation);
        await this.SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));
    }

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => await this.StateAsync(instanceId, cancellation) is { } state ? state.ToMetadata(this.converter, getInputsAndOutputs) : null;

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var result = await this.backend.Query.GetOrchestrationWithQueryAsync(
                new CoreQuery
                {
                    RuntimeStatus = query.Statuses?.Select(s => s.ToCore()).ToList(),
                    CreatedTimeFrom = query.CreatedFrom?.UtcDateTime,
                    CreatedTimeTo = query.CreatedTo?.UtcDateTime,
                    InstanceIdPrefix = query.InstanceIdPrefix,
                    PageSize = pageSize ?? query.PageSize,
                    ContinuationToken = continuation ?? query.ContinuationToken,
                    FetchInputsAndOutputs = query.FetchInputsAndOutputs,
                },
                cancellation);
            var page = new List<OrchestrationMetadata>(result.OrchestrationState.Count);
            foreach (var state in result.OrchestrationState)
            {
                page.Add((await this.WithFailureDetailsAsync(state, cancellation)).ToMetadata(this.converter, query.FetchInputsAndOutputs));
            }

            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance has not finished.</exception>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        if (await this.StateAsync(instanceId, cancellation) is not { } state)
        {
            return new PurgeResult(0);
        }

        if (!state.OrchestrationStatus.IsFinished())
        {
            throw new InvalidOperationException($"Only finished instances can be purged; '{instanceId}' is {state.OrchestrationStatus}.");
        }

        var purged = 0;
        if (options?.Recursive == true)
        {
            foreach (var child in await this.ChildrenAsync(state, cancellation))
            {
                purged += (await this.PurgeInstanceAsync(child, options, cancellation)).PurgedInstanceCount;
            }
        }

        return new PurgeResult(purged + (await this.backend.Purge.PurgeInstanceStateAsync(instanceId)).DeletedInstanceCount);
    }

    /// <inheritdoc/>
    /// <remarks>Without statuses in the filter, only finished instances are purged.</remarks>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var statuses = filter.Statuses?.Select(s => s.ToCore()).ToArray() is { Length: > 0 } named
            ? named.Where(s => s.IsFinished()).ToArray()
            : CoreConversions.FinishedStatuses;
        var result = await this.backend.Purge.PurgeInstanceStateAsync(new PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, statuses) { Timeout = filter.Timeout });
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No instance has the id.</exception>
    /// <exception cref="InvalidOperationException">Restarting under the same id an instance that has not finished.</exception>
    public override async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation);
        if (!restartWithNewInstanceId && !state.OrchestrationStatus.IsFinished())
        {
            throw new InvalidOperationException($"'{instanceId}' is {state.OrchestrationStatus}; only a finished instance restarts under its own id.");
        }

        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var message = StartMessage(newId, state.Name, state.Version, state.Input, state.Tags, startAt: null);
        await this.Client.CreateTaskOrchestrationAsync(message, CoreConversions.UnfinishedStatuses);
        return newId;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The instance has not failed.</exception>
    public override async Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation);
        if (state.OrchestrationStatus != OrchestrationStatus.Failed)
        {
            throw new InvalidOperationException($"Only failed instances can be rewound; '{instanceId}' is {state.OrchestrationStatus}.");
        }

        await this.backend.RewindAsync(instanceId, reason ?? string.Empty, cancellation);
    }

    /// <inheritdoc/>
    /// <remarks>The current execution's events, oldest first, as DTFx recorded them.</remarks>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        var state = await this.RequireAsync(instanceId, cancellation);
        return HistorySerializer.Deserialize(await this.Client.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId));
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TaskMessage StartMessage(
        string instanceId, string name, string? version, string? input, IEnumerable<KeyValuePair<string, string>>? tags, DateTime? startAt)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        return new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, input)
            {
                Name = name,
                Version = version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = startAt,
                Tags = tags?.ToDictionary(t => t.Key, t => t.Value),
            },
        };
    }

    private Task SendAsync(string instanceId, HistoryEvent message)
        => this.Client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = message,
        });

    private async Task<OrchestrationState?> StateAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();

        // Azure Storage answers a missing instance with a list holding null.
        var state = (await this.Client.GetOrchestrationStateAsync(instanceId, allExecutions: false))?.FirstOrDefault(s => s is not null);
        return state is null ? null : await this.WithFailureDetailsAsync(state, cancellation);
    }

    private async Task<OrchestrationState> RequireAsync(string instanceId, CancellationToken cancellation)
        => await this.StateAsync(instanceId, cancellation)
            ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));

    // Azure Storage leaves FailureDetails null on the state; the history's ExecutionCompleted carries them.
    private async Task<OrchestrationState> WithFailureDetailsAsync(OrchestrationState state, CancellationToken cancellation)
    {
        if (state.OrchestrationStatus != OrchestrationStatus.Failed || state.FailureDetails is not null)
        {
            return state;
        }

        cancellation.ThrowIfCancellationRequested();
        var history = HistorySerializer.Deserialize(
            await this.Client.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId));
        state.FailureDetails = history.OfType<ExecutionCompletedEvent>().LastOrDefault()?.FailureDetails;
        return state;
    }

    private async Task<IReadOnlyList<string>> ChildrenAsync(OrchestrationState state, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var history = HistorySerializer.Deserialize(
            await this.Client.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId));
        return [.. history.OfType<SubOrchestrationInstanceCreatedEvent>().Select(e => e.InstanceId).Distinct(StringComparer.Ordinal)];
    }

    private async Task<OrchestrationMetadata> WaitForAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = FirstPoll;
        while (true)
        {
            var metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new ArgumentException($"No instance with id '{instanceId}' exists.", nameof(instanceId));
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, this.time, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
        }
    }
}
