using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class ActivityTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Completing_an_activity_deletes_exactly_its_row_and_delivers_the_result_once()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        var item = await StoreScenario.CreateAndLockAsync(store, "fan-out");
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["A", "B", "C"])));

        var tasks = await store.LockActivityWorkItemsAsync(10);
        Assert.Equal(["A", "B", "C"], tasks.Select(t => t.Request.Event.Name));
        Assert.All(tasks, t => Assert.Equal(item.State!.ExecutionId, t.Request.ExecutionId));
        Assert.Equal(3, await StoreScenario.CountAsync(stores.ConnectionString, "new_tasks", hub));

        Assert.True(await store.CompleteActivityWorkItemAsync(tasks[1], new TaskCompletedEvent(StoreScenario.Start, 1, "\"b\"")));
        Assert.Equal(2, await StoreScenario.CountAsync(stores.ConnectionString, "new_tasks", hub));

        // A second completion of the same task finds nothing to delete and delivers nothing.
        Assert.False(await store.CompleteActivityWorkItemAsync(tasks[1], new TaskCompletedEvent(StoreScenario.Start, 1, "\"again\"")));
        Assert.Equal(2, await StoreScenario.CountAsync(stores.ConnectionString, "new_tasks", hub));

        var next = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        var result = Assert.IsType<TaskCompletedEvent>(Assert.Single(next.Messages).Event);
        Assert.Equal("\"b\"", result.Result);
    }

    [Fact]
    public async Task An_abandoned_activity_is_handed_out_again_at_once_and_batches_are_capped()
    {
        var store = new PostgresOrchestrationStore(new PostgresStoreOptions { ConnectionString = stores.ConnectionString, HubName = PostgresStoreFactory.NewHubName(), MaxBatchSize = 2 });
        await using (store)
        {
            var item = await StoreScenario.CreateAndLockAsync(store, "capped");
            Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["A", "B", "C"])));

            var firstBatch = await store.LockActivityWorkItemsAsync(10);
            Assert.Equal(["A", "B"], firstBatch.Select(t => t.Request.Event.Name));
            await store.AbandonActivityWorkItemAsync(firstBatch[0]);

            var secondBatch = await store.LockActivityWorkItemsAsync(10);
            Assert.Equal(["A", "C"], secondBatch.Select(t => t.Request.Event.Name));
            Assert.Equal(2, secondBatch[0].DequeueCount);
            Assert.Equal(1, secondBatch[1].DequeueCount);
        }
    }
}
