using System.Collections.Concurrent;
using System.Diagnostics;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;
using PaymentFunctions.LocalStack.Postgres;
using Xunit.Abstractions;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

[Collection(WorkerTestsCollection.Name)]
public sealed class MultiWorkerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Instances = 500;
    private const string Hub = "mixed";

    private string connectionString = "";

    public async Task InitializeAsync() => this.connectionString = await SharedPostgres.CreateDatabaseAsync("multi_worker");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_workers_complete_500_mixed_orchestrations_exactly_once_without_sharing_an_instance()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var journal = new ActivityJournal();
        var leases = new ConcurrentQueue<LeaseInterval>();
        var hosts = Enumerable.Range(1, 3).Select(i => new WorkerHost(
            this.connectionString,
            Hub,
            registry => MixedWorkload.Register(registry, journal, _ => TimeSpan.Zero),
            worker =>
            {
                worker.MaxConcurrentOrchestratorFunctions = 8;
                worker.MaxConcurrentActivityFunctions = 8;
            },
            decorateStore: store => new LeaseRecordingStore(store, $"worker-{i}", leases))).ToList();
        try
        {
            await hosts[0].Store.InitializeAsync(timeout.Token);
            foreach (var host in hosts)
            {
                await host.StartAsync(timeout.Token);
            }

            var clock = Stopwatch.StartNew();
            var client = hosts[0].Client;
            await Parallel.ForEachAsync(
                Enumerable.Range(0, Instances),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token },
                async (n, token) =>
                {
                    await client.ScheduleNewOrchestrationInstanceAsync(MixedWorkload.ShapeOf(n), n, new StartOrchestrationOptions(InstanceId(n)), token);
                    if (MixedWorkload.ShapeOf(n) == MixedWorkload.EventWait)
                    {
                        await client.RaiseEventAsync(InstanceId(n), MixedWorkload.GoEvent, MixedWorkload.GoPayload(n), token);
                    }
                });

            output.WriteLine($"scheduled in {clock.Elapsed}");

            // Every instance completes with the output only a full, correct run produces.
            for (var n = 0; n < Instances; n++)
            {
                var done = await client.WaitForInstanceCompletionAsync(InstanceId(n), getInputsAndOutputs: true, timeout.Token);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
                Assert.Equal(MixedWorkload.Expected(MixedWorkload.ShapeOf(n), n), done.ReadOutputAs<string>());
            }

            output.WriteLine($"all completed after {clock.Elapsed}");

            // Completed once: a second commit of the final episode would have appended a second completion.
            for (var n = 0; n < Instances; n++)
            {
                var history = await client.GetOrchestrationHistoryAsync(InstanceId(n), timeout.Token);
                Assert.Single(history.OfType<ExecutionCompletedEvent>());
            }

            // Every step ran exactly once: with no crash and live leases, a second run means two workers took one task.
            var expectedSteps = Enumerable.Range(0, Instances).Sum(n => StepsOf(MixedWorkload.ShapeOf(n)));
            Assert.Equal(expectedSteps, journal.Finished.Count);
            Assert.All(journal.Finished, step => Assert.Equal(1, step.Value));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        // No episode ran in two workers at once. Each recorded interval lies inside the time its worker really held
        // the instance's lock (it starts after the lock was taken and ends before the commit released it), and the
        // episode ran inside it; so intervals of one instance must follow one another without overlapping.
        var all = leases.ToList();
        Assert.All(all.GroupBy(l => l.InstanceId), instance =>
        {
            var ordered = instance.OrderBy(l => l.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i].Start >= ordered[i - 1].End,
                    $"{instance.Key}: {ordered[i].Worker} held it while {ordered[i - 1].Worker} still did.");
            }
        });

        // The work really was shared, so the check above compared different workers.
        Assert.Equal(3, all.Select(l => l.Worker).Distinct().Count());
        Assert.Contains(all.GroupBy(l => l.InstanceId), instance => instance.Select(l => l.Worker).Distinct().Count() > 1);
    }

    private static string InstanceId(int n) => $"mix-{n:D3}";

    private static int StepsOf(string shape) => shape switch
    {
        MixedWorkload.Sequence => 3,
        MixedWorkload.FanOut => 5,
        MixedWorkload.Parent => 4,
        _ => 1,
    };
}
