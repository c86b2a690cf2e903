using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;
using PaymentFunctions.LocalStack.Postgres;
using Xunit.Abstractions;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

[Collection(WorkerTestsCollection.Name)]
public sealed class WorkerCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Instances = 200;
    private const string Hub = "crash";
    private const int KillAfterSteps = 100;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(3);

    private string connectionString = "";

    public async Task InitializeAsync() => this.connectionString = await SharedPostgres.CreateDatabaseAsync("worker_crash");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Worker_killed_mid_flight_loses_nothing_and_another_worker_finishes_after_its_leases_expire()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var journal = new ActivityJournal();
        await using var survivor = new WorkerHost(
            this.connectionString,
            Hub,
            registry => MixedWorkload.Register(registry, journal, SlowActivities.Delay),
            worker =>
            {
                worker.MaxConcurrentOrchestratorFunctions = 16;
                worker.MaxConcurrentActivityFunctions = 32;
                worker.LockRenewalInterval = LockTimeout / 3;
            },
            LockTimeout);
        var client = survivor.Client;
        await survivor.Store.InitializeAsync(timeout.Token);
        for (var n = 0; n < Instances; n++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(MixedWorkload.Chain, n, new StartOrchestrationOptions(InstanceId(n)), timeout.Token);
        }

        HashSet<string> inFlight;
        using (var victim = TestWorkerProcess.Start(this.connectionString, Hub, LockTimeout))
        {
            await victim.WaitUntilReadyAsync(timeout.Token);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (victim.Ends < KillAfterSteps)
            {
                Assert.False(victim.HasExited, "The test worker died on its own:\n" + string.Join('\n', victim.Lines));
                Assert.True(DateTime.UtcNow < deadline, $"The test worker finished only {victim.Ends} steps in a minute:\n" + string.Join('\n', victim.Lines.TakeLast(30)));
                await Task.Delay(10, timeout.Token);
            }

            await victim.KillAsync();

            // Steps that started but never ended in the victim cannot have been committed: only lease expiry brings them back.
            var started = victim.Lines.Where(l => l.StartsWith("start ", StringComparison.Ordinal)).Select(l => l[6..]).ToHashSet();
            var ended = victim.Lines.Where(l => l.StartsWith("end ", StringComparison.Ordinal)).Select(l => l[4..]).ToHashSet();
            inFlight = [.. started.Except(ended)];
        }

        Assert.NotEmpty(inFlight);
        var finishedAtKill = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed] }))
        {
            finishedAtKill++;
        }

        Assert.True(finishedAtKill < Instances, "The victim finished everything before it was killed; nothing was in flight.");
        output.WriteLine($"killed with {inFlight.Count} steps running and {finishedAtKill} of {Instances} orchestrations completed");

        await survivor.StartAsync(timeout.Token);
        for (var n = 0; n < Instances; n++)
        {
            var done = await client.WaitForInstanceCompletionAsync(InstanceId(n), getInputsAndOutputs: true, timeout.Token);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);

            // The output carries every step's result, so a lost activity result cannot go unnoticed.
            Assert.Equal(MixedWorkload.Expected(MixedWorkload.Chain, n), done.ReadOutputAs<string>());

            // Neither worker's episodes were committed twice, however the crash cut them.
            var history = await client.GetOrchestrationHistoryAsync(InstanceId(n), timeout.Token);
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
            Assert.Equal(MixedWorkload.ChainLength, history.OfType<TaskCompletedEvent>().Count());
        }

        Assert.Subset(journal.Finished.Keys.ToHashSet(), inFlight);
    }

    private static string InstanceId(int n) => $"crash-{n:D3}";
}
