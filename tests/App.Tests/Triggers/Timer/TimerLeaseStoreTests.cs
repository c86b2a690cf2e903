using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Tests.Triggers.Timer;

public sealed class TimerLeaseStoreTests
{
    private static readonly DateTimeOffset Occurrence = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Exactly_one_of_many_concurrent_owners_takes_an_occurrence()
    {
        await using var handle = await NewStoreAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            handle.Store.TryAcquireAsync("Job", Occurrence, $"owner-{i}", TimeSpan.FromMinutes(5), CancellationToken.None)));

        Assert.Single(results, acquired => acquired);
    }

    [Fact]
    public async Task A_completed_occurrence_is_never_taken_again_and_hubs_do_not_share_leases()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync(nameof(TimerLeaseStoreTests));
        await using var hubA = await TimerTriggerTests.LeaseStoreAsync(connectionString, "hub-a");
        await using var hubB = await TimerTriggerTests.LeaseStoreAsync(connectionString, "hub-b");
        await hubA.Store.EnsureSchemaAsync(CancellationToken.None);

        Assert.True(await hubA.Store.TryAcquireAsync("Job", Occurrence, "a1", TimeSpan.FromMilliseconds(1), CancellationToken.None));
        await hubA.Store.CompleteAsync("Job", Occurrence, "a1", Occurrence.AddMinutes(1), CancellationToken.None);
        await Task.Delay(20);

        Assert.False(await hubA.Store.TryAcquireAsync("Job", Occurrence, "a2", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await hubB.Store.TryAcquireAsync("Job", Occurrence, "b1", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task An_unfinished_run_is_taken_over_only_after_its_lease_expired()
    {
        await using var handle = await NewStoreAsync();

        Assert.True(await handle.Store.TryAcquireAsync("Job", Occurrence, "crashed", TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.True(await handle.Store.TryAcquireAsync("Other", Occurrence, "alive", TimeSpan.FromMinutes(5), CancellationToken.None));
        await Task.Delay(20);

        Assert.True(await handle.Store.TryAcquireAsync("Job", Occurrence, "successor", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.False(await handle.Store.TryAcquireAsync("Other", Occurrence, "intruder", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Status_keeps_the_latest_run_even_when_an_older_one_finishes_last()
    {
        await using var handle = await NewStoreAsync();

        await handle.Store.CompleteAsync("Job", Occurrence, null, Occurrence.AddMinutes(1), CancellationToken.None);
        await handle.Store.CompleteAsync("Job", Occurrence.AddMinutes(-1), null, Occurrence, CancellationToken.None);
        var status = await handle.Store.GetStatusAsync("Job");

        Assert.Equal(Occurrence, status?.Last);
        Assert.Equal(Occurrence.AddMinutes(1), status?.Next);
        Assert.Null(await handle.Store.GetStatusAsync("NeverRan"));
    }

    private static async Task<TimerTriggerTests.LeaseStoreHandle> NewStoreAsync()
    {
        var handle = await TimerTriggerTests.LeaseStoreAsync(await SharedPostgres.CreateDatabaseAsync(nameof(TimerLeaseStoreTests)), "hub");
        await handle.Store.EnsureSchemaAsync(CancellationToken.None);
        return handle;
    }
}
