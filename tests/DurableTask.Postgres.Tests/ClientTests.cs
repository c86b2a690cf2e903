using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using DurableTask.Core.Serializing;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>The client interfaces: dedupe, scheduled starts, reads, queries, purges and rewind.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private TestHub hub = null!;

    public async Task InitializeAsync() => this.hub = await TestHub.CreateAsync("client");

    public async Task DisposeAsync() => await this.hub.DisposeAsync();

    [Fact]
    public async Task A_missing_instance_reads_as_an_empty_list_and_null()
    {
        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync("nobody", allExecutions: false));
        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync("nobody", allExecutions: true));
        Assert.Null(await this.hub.Service.GetOrchestrationStateAsync("nobody", executionId: null!));
        Assert.Equal("[]", await this.hub.Service.GetOrchestrationHistoryAsync("nobody", null!));
    }

    [Fact]
    public async Task Messages_to_an_instance_that_does_not_exist_are_dropped()
    {
        await this.hub.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = "ghost" }, "approve", "x");

        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync("ghost", false));
        await using var worker = this.hub.NewService();
        Assert.Null(await worker.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Dedupe_statuses_refuse_a_live_instance_and_replace_a_finished_one()
    {
        var id = Guid.NewGuid().ToString("N");
        OrchestrationStatus[] live = [OrchestrationStatus.Pending, OrchestrationStatus.Running];
        await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), id, "one", live);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), id, "two", live));
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => this.hub.Service.CreateTaskOrchestrationAsync(StartMessage(id), null!));

        await this.hub.StartWorkerAsync();
        var first = await this.hub.WaitAsync(new OrchestrationInstance { InstanceId = id });
        Assert.Equal("\"Hello, Hello, one!!\"", first.Output);

        var second = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), id, "three", live);
        var replaced = await this.hub.WaitAsync(second);
        Assert.Equal(OrchestrationStatus.Completed, replaced.OrchestrationStatus);
        Assert.Equal("\"Hello, Hello, three!!\"", replaced.Output);
        Assert.NotEqual(first.OrchestrationInstance.ExecutionId, replaced.OrchestrationInstance.ExecutionId);

        OrchestrationStatus[] completed = [OrchestrationStatus.Completed];
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), id, "four", completed));
    }

    [Fact]
    public async Task A_scheduled_start_keeps_the_instance_pending_until_its_time()
    {
        var startAt = DateTime.UtcNow.AddSeconds(1);
        var instance = await this.hub.Client.CreateScheduledOrchestrationInstanceAsync(typeof(GreetTwice), Guid.NewGuid().ToString("N"), "later", startAt);

        var pending = await this.hub.Client.GetOrchestrationStateAsync(instance.InstanceId);
        Assert.Equal(OrchestrationStatus.Pending, pending!.OrchestrationStatus);
        Assert.Equal(startAt, pending.ScheduledStartTime);

        await this.hub.StartWorkerAsync();
        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        var history = PostgresOrchestrationService.ParseHistory(await this.hub.Client.GetOrchestrationHistoryAsync(instance));
        var firstEpisode = history.OfType<OrchestratorStartedEvent>().First();
        Assert.True(firstEpisode.Timestamp >= startAt, $"started at {firstEpisode.Timestamp:O}, before {startAt:O}");
    }

    [Fact]
    public async Task Queries_page_with_a_continuation_token_and_filter()
    {
        var prefix = $"q{Guid.NewGuid():N}"[..12];
        for (var i = 0; i < 7; i++)
        {
            await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), $"{prefix}-{i}", $"input {i}");
        }

        await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), "other-prefix", "x");

        var seen = new List<OrchestrationState>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await this.hub.Service.GetOrchestrationWithQueryAsync(
                new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 3, ContinuationToken = token }, CancellationToken.None);
            seen.AddRange(page.OrchestrationState);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"{prefix}-{i}").Order(StringComparer.Ordinal), seen.Select(s => s.OrchestrationInstance.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(seen, s => Assert.NotNull(s.Input));

        var lean = await this.hub.Service.GetOrchestrationWithQueryAsync(
            new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = false, RuntimeStatus = [OrchestrationStatus.Pending] }, CancellationToken.None);
        Assert.Equal(7, lean.OrchestrationState.Count);
        Assert.All(lean.OrchestrationState, s => Assert.Null(s.Input));
        Assert.Null(lean.ContinuationToken);

        var none = await this.hub.Service.GetOrchestrationWithQueryAsync(
            new OrchestrationQuery { InstanceIdPrefix = prefix, RuntimeStatus = [OrchestrationStatus.Completed] }, CancellationToken.None);
        Assert.Empty(none.OrchestrationState);

        var later = await this.hub.Service.GetOrchestrationWithQueryAsync(
            new OrchestrationQuery { CreatedTimeFrom = DateTime.UtcNow.AddMinutes(1) }, CancellationToken.None);
        Assert.Empty(later.OrchestrationState);
    }

    [Fact]
    public async Task Purging_deletes_only_finished_instances()
    {
        await this.hub.StartWorkerAsync();
        var done = await this.hub.StartAndWaitAsync(typeof(GreetTwice), "a");
        var doneToo = await this.hub.StartAndWaitAsync(typeof(GreetTwice), "b");
        var doneThree = await this.hub.StartAndWaitAsync(typeof(GreetTwice), "c");
        var waiting = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(AwaitApproval), Guid.NewGuid().ToString("N"), "w");
        await this.hub.WaitUntilAsync(waiting.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Running);

        Assert.Equal(1, (await this.hub.Service.PurgeInstanceStateAsync(done.OrchestrationInstance.InstanceId)).DeletedInstanceCount);
        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync(done.OrchestrationInstance.InstanceId, false));
        Assert.Equal("[]", await this.hub.Service.GetOrchestrationHistoryAsync(done.OrchestrationInstance.InstanceId, null!));
        Assert.Equal(0, (await this.hub.Service.PurgeInstanceStateAsync(waiting.InstanceId)).DeletedInstanceCount);

        var filter = new PurgeInstanceFilter(DateTime.UtcNow.AddHours(-1), null, [OrchestrationStatus.Completed, OrchestrationStatus.Running]);
        Assert.Equal(2, (await this.hub.Service.PurgeInstanceStateAsync(filter)).DeletedInstanceCount);
        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync(doneToo.OrchestrationInstance.InstanceId, false));
        Assert.Empty(await this.hub.Service.GetOrchestrationStateAsync(doneThree.OrchestrationInstance.InstanceId, false));
        Assert.Single(await this.hub.Service.GetOrchestrationStateAsync(waiting.InstanceId, false));
    }

    [Fact]
    public async Task Rewinding_a_failed_instance_reruns_the_failed_activity_to_completion()
    {
        await this.hub.StartWorkerAsync();
        var key = Guid.NewGuid().ToString("N");
        var failed = await this.hub.StartAndWaitAsync(typeof(CallFlaky), key);
        Assert.Equal(OrchestrationStatus.Failed, failed.OrchestrationStatus);
        await Assert.ThrowsAsync<InvalidOperationException>(() => this.hub.Service.RewindTaskOrchestrationAsync("nobody", "no"));

        await this.hub.Service.RewindTaskOrchestrationAsync(failed.OrchestrationInstance.InstanceId, "fixed the bug");
        var state = await this.hub.WaitUntilAsync(failed.OrchestrationInstance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Completed);

        Assert.Equal($"\"Hello, {key}! ok {key}\"", state.Output);
        Assert.Null(state.FailureDetails);
        Assert.Equal(2, Flaky.AttemptsFor(key));
        Assert.NotEqual(failed.OrchestrationInstance.ExecutionId, state.OrchestrationInstance.ExecutionId);
        var history = PostgresOrchestrationService.ParseHistory(await this.hub.Service.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, null!));
        Assert.Empty(history.OfType<TaskFailedEvent>());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.All(history.OfType<ExecutionStartedEvent>(), e => Assert.Equal(state.OrchestrationInstance.ExecutionId, e.OrchestrationInstance.ExecutionId));
    }

    private static TaskMessage StartMessage(string instanceId)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        return new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, "\"x\"") { OrchestrationInstance = instance, Name = typeof(GreetTwice).FullName, Version = "" },
        };
    }
}
