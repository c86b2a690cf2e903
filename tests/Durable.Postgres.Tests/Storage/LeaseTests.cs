using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class LeaseTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task A_lease_is_not_handed_to_another_store_until_it_expires_then_it_is_with_a_higher_dequeue_count()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var hub = PostgresStoreFactory.NewHubName();
        var first = stores.CreateStore(clock, hub);
        var second = stores.CreateStore(clock, hub);
        var held = await StoreScenario.CreateAndLockAsync(first, "leased");
        Assert.Equal(1, held.DequeueCount);

        clock.Advance(PostgresStoreFactory.LockTimeout - TimeSpan.FromSeconds(1));
        Assert.Empty(await second.LockOrchestrationWorkItemsAsync(10));

        clock.Advance(TimeSpan.FromSeconds(2));
        var taken = Assert.Single(await second.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal("leased", taken.InstanceId);
        Assert.Equal(2, taken.DequeueCount);
        Assert.NotEqual(held.LockToken, taken.LockToken);
        Assert.Equal(held.Messages.Select(m => m.SequenceNumber), taken.Messages.Select(m => m.SequenceNumber));

        // The first worker's late checkpoint is refused; the new holder's succeeds and resets the count.
        Assert.False(await first.CompleteOrchestrationWorkItemAsync(held, StoreScenario.Episode(held)));
        Assert.True(await second.CompleteOrchestrationWorkItemAsync(taken, StoreScenario.Episode(taken)));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await first.GetInstanceAsync("leased", false))!.Status);
    }

    [Fact]
    public async Task A_renewed_lease_outlives_the_original_timeout_and_a_lost_one_cannot_be_renewed()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var hub = PostgresStoreFactory.NewHubName();
        var first = stores.CreateStore(clock, hub);
        var second = stores.CreateStore(clock, hub);
        var held = await StoreScenario.CreateAndLockAsync(first, "renewed");

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(await first.RenewOrchestrationWorkItemLockAsync(held));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(await second.LockOrchestrationWorkItemsAsync(10));

        clock.Advance(TimeSpan.FromSeconds(2));
        var taken = Assert.Single(await second.LockOrchestrationWorkItemsAsync(10));
        Assert.False(await first.RenewOrchestrationWorkItemLockAsync(held));
        Assert.True(await second.RenewOrchestrationWorkItemLockAsync(taken));
    }

    [Fact]
    public async Task An_abandoned_work_item_comes_back_after_the_delay_with_a_higher_dequeue_count()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var store = stores.CreateStore(clock);
        var held = await StoreScenario.CreateAndLockAsync(store, "abandoned");

        await store.AbandonOrchestrationWorkItemAsync(held, TimeSpan.FromSeconds(2));
        Assert.Empty(await store.LockOrchestrationWorkItemsAsync(10));
        clock.Advance(TimeSpan.FromSeconds(2));
        var again = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task An_activity_lease_expires_and_the_task_is_handed_out_again()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var hub = PostgresStoreFactory.NewHubName();
        var first = stores.CreateStore(clock, hub);
        var second = stores.CreateStore(clock, hub);
        var item = await StoreScenario.CreateAndLockAsync(first, "activity-lease");
        Assert.True(await first.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["Work"])));

        var held = Assert.Single(await first.LockActivityWorkItemsAsync(10));
        Assert.Empty(await second.LockActivityWorkItemsAsync(10));
        clock.Advance(PostgresStoreFactory.LockTimeout);
        var taken = Assert.Single(await second.LockActivityWorkItemsAsync(10));
        Assert.Equal(held.Id, taken.Id);
        Assert.Equal(2, taken.DequeueCount);
        Assert.False(await first.RenewActivityWorkItemLockAsync(held));
        Assert.False(await first.CompleteActivityWorkItemAsync(held, new History.TaskCompletedEvent(StoreScenario.Start, 0, "1")));
        Assert.True(await second.CompleteActivityWorkItemAsync(taken, new History.TaskCompletedEvent(StoreScenario.Start, 0, "2")));
    }
}
