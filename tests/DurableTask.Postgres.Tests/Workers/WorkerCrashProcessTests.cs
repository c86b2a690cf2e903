using System.Globalization;
using DurableTask.Core;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Storage;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.TestWorker;
using Xunit.Abstractions;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>Worker processes killed with SIGKILL, and stopped with SIGTERM, while they hold work.</summary>
[Collection(WorkerProcessCollection.Name)]
public sealed class WorkerCrashProcessTests(ITestOutputHelper output)
{
    private const int Steps = 3;

    /// <summary>Short, so the leases of a killed worker run out soon; longer than any one episode or activity here.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Shorter than <see cref="LockTimeout"/>: DTFx renews an activity's lease only every 5 s.</summary>
    private const int SleepMilliseconds = 2000;

    [Fact]
    public async Task Workers_killed_mid_episode_and_mid_activity_lose_nothing_and_the_killed_activity_runs_again()
    {
        const int Instances = 150;
        var deadline = DateTime.UtcNow.AddSeconds(100);
        using var timeout = new CancellationTokenSource(deadline - DateTime.UtcNow);
        await using var hub = await TestHub.CreateAsync("crash", s => s with { WorkItemLockTimeout = LockTimeout });
        var (connectionString, hubName) = (hub.Settings.ConnectionString, hub.Settings.TaskHubName);
        var journal = new WorkerJournal(connectionString, hubName);
        await journal.CreateAsync();
        var workers = new List<TestWorkerProcess>();
        try
        {
            // 1. A worker SIGKILLed while it runs episodes and activities of a backlog.
            var first = await TestWorkerProcess.StartAsync(connectionString, hubName, LockTimeout, timeout.Token);
            workers.Add(first);
            var ids = Enumerable.Range(0, Instances).Select(n => "c-" + n.ToString("D3", CultureInfo.InvariantCulture)).ToList();
            await Sequences.StartAsync(hub.Service, ids, new SequenceInput { Steps = Steps }, timeout.Token);
            await WaitForAsync(async () => (await journal.StepsAsync()).Count(s => s.FinishedAt is not null) >= Instances / 2, first, timeout.Token);
            await first.KillAsync();
            var (leasedInstances, leasedTasks, completedAtKill) = await HeldLeasesAsync(connectionString, hubName);
            output.WriteLine($"first worker killed holding {leasedInstances} episode and {leasedTasks} activity leases, {completedAtKill} of {Instances} completed");
            Assert.True(leasedInstances > 0, "The first kill landed while the worker held no episode.");
            Assert.True(completedAtKill < Instances, "The first worker finished everything before it was killed.");

            // 2. Another worker SIGKILLed while the sleeping activity runs in it.
            var second = await TestWorkerProcess.StartAsync(connectionString, hubName, LockTimeout, timeout.Token);
            workers.Add(second);
            const string Sleeper = "c-sleeper";
            await Sequences.StartAsync(hub.Service, [Sleeper], new SequenceInput { Steps = Steps, SleepingStep = 1, SleepMilliseconds = SleepMilliseconds }, timeout.Token);
            await WaitForAsync(async () => (await journal.StepsAsync()).Any(s => s is { InstanceId: Sleeper, Step: 1, FinishedAt: null } && s.Pid == second.Id), second, timeout.Token);
            await second.KillAsync();

            // 3. A third worker finishes everything once the dead workers' leases run out.
            var third = await TestWorkerProcess.StartAsync(connectionString, hubName, LockTimeout, timeout.Token);
            workers.Add(third);
            await Sequences.AssertAllCompletedAsync(hub.Client, [.. ids, Sleeper], Steps, deadline, () => third.Output);

            var steps = await journal.StepsAsync();
            Assert.Empty(Sequences.Unfinished([.. ids, Sleeper], Steps, steps));
            var sleeperRuns = steps.Where(s => s is { InstanceId: Sleeper, Step: 1 }).ToList();
            Assert.Contains(sleeperRuns, s => s.Pid == second.Id && s.FinishedAt is null);
            Assert.Contains(sleeperRuns, s => s.Pid != second.Id && s.FinishedAt is not null);
            output.WriteLine($"{steps.Count} step runs for {(Instances + 1) * Steps} steps; {steps.Count(s => s.FinishedAt is null)} cut by a kill");
            Assert.False(third.HasExited, "The third worker died on its own:\n" + third.Output);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_worker_stopped_with_sigterm_finishes_its_running_activity_and_exits_cleanly()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        using var timeout = new CancellationTokenSource(deadline - DateTime.UtcNow);
        await using var hub = await TestHub.CreateAsync("sigterm", s => s with { WorkItemLockTimeout = LockTimeout });
        var (connectionString, hubName) = (hub.Settings.ConnectionString, hub.Settings.TaskHubName);
        var journal = new WorkerJournal(connectionString, hubName);
        await journal.CreateAsync();
        const string Id = "t-sleeper";
        using var first = await TestWorkerProcess.StartAsync(connectionString, hubName, LockTimeout, timeout.Token);
        await Sequences.StartAsync(hub.Service, [Id], new SequenceInput { Steps = Steps, SleepingStep = 0, SleepMilliseconds = SleepMilliseconds }, timeout.Token);
        await WaitForAsync(async () => (await journal.StepsAsync()).Any(s => s.Step == 0), first, timeout.Token);

        await first.TerminateAsync(timeout.Token);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains(WorkerContract.StoppedLine, first.Lines);
        var run = Assert.Single(await journal.StepsAsync());
        Assert.Equal(first.Id, run.Pid);
        Assert.NotNull(run.FinishedAt);

        // Its result was committed before it stopped: the next worker goes on from step 1 and never repeats step 0.
        using var second = await TestWorkerProcess.StartAsync(connectionString, hubName, LockTimeout, timeout.Token);
        await Sequences.AssertAllCompletedAsync(hub.Client, [Id], Steps, deadline, () => second.Output);
        Assert.Single(await journal.StepsAsync(), s => s.Step == 0);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails if the worker died first.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, TestWorkerProcess worker, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            Assert.False(worker.HasExited, "The worker died on its own:\n" + worker.Output);
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>How many episode and activity leases of the hub are still held (by a worker that may be dead), and how many instances completed.</summary>
    private static async Task<(long Instances, long Tasks, long Completed)> HeldLeasesAsync(string connectionString, string hub)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM durable.instances WHERE hub = $1 AND lock_token IS NOT NULL AND locked_until > $2),
                   (SELECT count(*) FROM durable.tasks WHERE hub = $1 AND lock_token IS NOT NULL AND locked_until > $2),
                   (SELECT count(*) FROM durable.instances WHERE hub = $1 AND status = $3)
            """,
            connection);
        command.Parameters.AddWithValue(hub);
        command.Parameters.AddWithValue(Ticks.From(DateTime.UtcNow));
        command.Parameters.AddWithValue((int)OrchestrationStatus.Completed);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
