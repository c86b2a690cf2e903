using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class PurgeTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Purging_by_filter_deletes_only_matching_finished_instances_with_their_history_events_and_tasks()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(clock, hub);
        var other = stores.CreateStore(clock);

        await FinishAsync(store, "old-completed", OrchestrationRuntimeStatus.Completed);
        await FinishAsync(other, "old-completed", OrchestrationRuntimeStatus.Completed);
        var running = await StoreScenario.CreateAndLockAsync(store, "old-running");
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(running, StoreScenario.Episode(running, activities: ["Work"])));
        clock.Advance(TimeSpan.FromHours(1));
        var cutoff = clock.GetUtcNow();
        await FinishAsync(store, "new-completed", OrchestrationRuntimeStatus.Completed);

        var purged = await store.PurgeInstancesAsync(new PurgeInstancesFilter(CreatedTo: cutoff));

        Assert.Equal(1, purged);
        Assert.Null(await store.GetInstanceAsync("old-completed", false));
        Assert.Empty(await store.GetHistoryAsync("old-completed"));
        Assert.NotNull(await store.GetInstanceAsync("old-running", false));
        Assert.NotNull(await store.GetInstanceAsync("new-completed", false));
        Assert.NotNull(await other.GetInstanceAsync("old-completed", false));
        Assert.Single(await store.LockActivityWorkItemsAsync(10));

        Assert.Equal(0, await store.PurgeInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Failed])));
        Assert.Equal(1, await store.PurgeInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running])));
        Assert.Null(await store.GetInstanceAsync("new-completed", false));
        Assert.Equal((await store.GetHistoryAsync("old-running")).Count, await StoreScenario.CountAsync(stores.ConnectionString, "history", hub));
    }

    [Fact]
    public async Task Purging_one_instance_refuses_unfinished_ones_and_removes_queued_events_of_finished_ones()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        await store.CreateInstanceAsync(StoreScenario.StartMessage("pending"), []);
        Assert.Equal(0, await store.PurgeInstanceAsync("pending"));
        Assert.Equal(0, await store.PurgeInstanceAsync("unknown"));

        await FinishAsync(store, "done", OrchestrationRuntimeStatus.Completed);
        Assert.True(await store.SendMessageAsync(new("done", new History.EventRaisedEvent(StoreScenario.Start, "late", null))));
        Assert.Equal(1, await store.PurgeInstanceAsync("done"));
        Assert.Null(await store.GetInstanceAsync("done", false));
        Assert.Equal(1, await StoreScenario.CountAsync(stores.ConnectionString, "new_events", hub));
    }

    private static async Task FinishAsync(PostgresOrchestrationStore store, string instanceId, OrchestrationRuntimeStatus status)
    {
        var item = await StoreScenario.CreateAndLockAsync(store, instanceId);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, status)));
        Assert.NotEmpty(await store.GetHistoryAsync(instanceId));
    }
}
