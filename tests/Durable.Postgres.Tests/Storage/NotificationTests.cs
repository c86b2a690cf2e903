using System.Diagnostics;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class NotificationTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_new_instance_created_through_another_store_wakes_an_orchestration_waiter_long_before_its_max_wait()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var waiter = stores.CreateStore(hubName: hub);
        var client = stores.CreateStore(hubName: hub);
        await waiter.InitializeAsync();
        await waiter.StartListeningAsync();

        var watch = Stopwatch.StartNew();
        var waiting = waiter.WaitForWorkAsync(WorkItemKind.Orchestration, MaxWait);
        await client.CreateInstanceAsync(StoreScenario.StartMessage("wake"), []);
        await waiting;

        Assert.True(watch.Elapsed < MaxWait / 2, $"The waiter slept {watch.Elapsed} instead of being notified.");
        Assert.Single(await waiter.LockOrchestrationWorkItemsAsync(10));
    }

    [Fact]
    public async Task A_new_activity_from_another_store_wakes_an_activity_waiter_long_before_its_max_wait()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var waiter = stores.CreateStore(hubName: hub);
        var worker = stores.CreateStore(hubName: hub);
        var item = await StoreScenario.CreateAndLockAsync(worker, "activity-wake");
        await waiter.StartListeningAsync();

        var watch = Stopwatch.StartNew();
        var waiting = waiter.WaitForWorkAsync(WorkItemKind.Activity, MaxWait);
        Assert.True(await worker.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["Work"])));
        await waiting;

        Assert.True(watch.Elapsed < MaxWait / 2, $"The waiter slept {watch.Elapsed} instead of being notified.");
        Assert.Single(await waiter.LockActivityWorkItemsAsync(10));
    }

    [Fact]
    public async Task A_waiter_wakes_when_the_next_timer_is_due_before_its_max_wait()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var waiter = stores.CreateStore(hubName: hub);
        var worker = stores.CreateStore(hubName: hub);
        var item = await StoreScenario.CreateAndLockAsync(worker, "timer");
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var timer = new OrchestrationMessage("timer", new TimerFiredEvent(fireAt, 0, fireAt), fireAt, item.State!.ExecutionId);
        Assert.True(await worker.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, messages: [timer])));

        // A wake-up only says work may be there: a late notification of the checkpoint (workers' notifications
        // are throttled and trail) can end a wait before the timer is due, so the waiter waits again, as a worker does.
        await waiter.StartListeningAsync();
        var watch = Stopwatch.StartNew();
        IReadOnlyList<OrchestrationWorkItem> locked = [];
        while (locked.Count == 0 && watch.Elapsed < MaxWait)
        {
            await waiter.WaitForWorkAsync(WorkItemKind.Orchestration, MaxWait - watch.Elapsed);
            locked = await waiter.LockOrchestrationWorkItemsAsync(10);
        }

        Assert.True(watch.Elapsed < MaxWait / 2, $"The waiter slept {watch.Elapsed} past the timer.");
        Assert.Single(locked);
    }

    [Fact]
    public async Task A_timer_that_became_due_since_the_last_lock_attempt_ends_the_next_wait_at_once()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = stores.CreateStore(clock, PostgresStoreFactory.NewHubName());
        await store.InitializeAsync();
        await store.StartListeningAsync();
        var item = await StoreScenario.CreateAndLockAsync(store, "due-between");
        var fireAt = clock.GetUtcNow().AddSeconds(1);
        var timer = new OrchestrationMessage("due-between", new TimerFiredEvent(fireAt, 0, fireAt), fireAt, item.State!.ExecutionId);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, messages: [timer])));

        // Let the checkpoint's own notification arrive, so it cannot end the wait under test.
        await store.WaitForWorkAsync(WorkItemKind.Orchestration, TimeSpan.FromMilliseconds(300));

        // A wake-up a moment early finds nothing; by the next wait the timer is already visible.
        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await store.LockOrchestrationWorkItemsAsync(10));
        clock.Advance(TimeSpan.FromMilliseconds(5));

        var watch = Stopwatch.StartNew();
        await store.WaitForWorkAsync(WorkItemKind.Orchestration, MaxWait);
        Assert.True(watch.Elapsed < MaxWait / 2, $"The waiter slept {watch.Elapsed} with a due timer it had not tried to lock.");
        Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
    }

    [Fact]
    public async Task The_listener_reconnects_after_its_connection_is_killed_and_wakes_waiters_again()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var waiter = stores.CreateStore(hubName: hub);
        var client = stores.CreateStore(hubName: hub);
        await waiter.InitializeAsync();
        await waiter.StartListeningAsync();

        await StoreScenario.ExecuteAsync(
            stores.ConnectionString,
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE @pattern",
            ("pattern", $"LISTEN {waiter.OrchestrationChannel[..^"orch".Length]}%"));
        using (var reconnect = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (waiter.ListenerConnections < 2)
            {
                await Task.Delay(50, reconnect.Token);
            }
        }

        var watch = Stopwatch.StartNew();
        var waiting = waiter.WaitForWorkAsync(WorkItemKind.Orchestration, MaxWait);
        await client.CreateInstanceAsync(StoreScenario.StartMessage("after-reconnect"), []);
        await waiting;
        Assert.True(watch.Elapsed < MaxWait / 2, $"The waiter slept {watch.Elapsed} instead of being notified.");
    }
}
