using System.Globalization;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.TestWorker;
using Xunit.Abstractions;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>Several worker processes on one hub, as a scaled-out deployment runs.</summary>
[Collection(WorkerProcessCollection.Name)]
public sealed class SharedHubProcessTests(ITestOutputHelper output)
{
    private const int Instances = 300;
    private const int Steps = 3;
    private const int Workers = 3;

    [Fact]
    public async Task Three_worker_processes_complete_300_instances_once_each_and_never_run_one_instance_in_two_at_once()
    {
        var deadline = DateTime.UtcNow.AddSeconds(100);
        using var timeout = new CancellationTokenSource(deadline - DateTime.UtcNow);
        await using var hub = await TestHub.CreateAsync("processes");
        var journal = new WorkerJournal(hub.Settings.ConnectionString, hub.Settings.TaskHubName);
        await journal.CreateAsync();
        var workers = new List<TestWorkerProcess>();
        try
        {
            for (var i = 0; i < Workers; i++)
            {
                workers.Add(await TestWorkerProcess.StartAsync(hub.Settings.ConnectionString, hub.Settings.TaskHubName, TimeSpan.FromSeconds(30), timeout.Token));
            }

            var ids = Enumerable.Range(0, Instances).Select(n => "p-" + n.ToString("D3", CultureInfo.InvariantCulture)).ToList();
            await Sequences.StartAsync(hub.Service, ids, new SequenceInput { Steps = Steps }, timeout.Token);
            await Sequences.AssertAllCompletedAsync(hub.Client, ids, Steps, deadline, () => string.Join("\n---\n", workers.Select(w => w.Output)));

            var steps = await journal.StepsAsync();
            var episodes = await journal.EpisodesAsync();
            Assert.Empty(Sequences.Unfinished(ids, Steps, steps));
            Assert.Empty(WorkerJournal.Overlaps(episodes.Select(e => (e.InstanceId, e.Pid, e.StartedAt, e.FinishedAt))));
            Assert.Empty(WorkerJournal.Overlaps(steps.Where(s => s.FinishedAt is not null).Select(s => (s.InstanceId, s.Pid, s.StartedAt, s.FinishedAt!.Value))));

            // Each instance ran its start and one episode per step result, however the work was spread. An episode whose
            // checkpoint is refused (a lost lease, a transient database error) runs again, so more is allowed; never fewer.
            Assert.All(episodes.GroupBy(e => e.InstanceId), g => Assert.True(g.Count() >= Steps + 1, $"{g.Key} ran {g.Count()} episodes"));
            Assert.Equal(Instances, episodes.Select(e => e.InstanceId).Distinct().Count());
            var pids = workers.Select(w => w.Id).ToHashSet();
            Assert.Subset(pids, steps.Select(s => s.Pid).Concat(episodes.Select(e => e.Pid)).ToHashSet());
            var busy = steps.Select(s => s.Pid).Concat(episodes.Select(e => e.Pid)).Distinct().Count();
            output.WriteLine($"{steps.Count} step runs ({steps.Count - (Instances * Steps)} repeated), {episodes.Count} episodes, by {busy} of {Workers} processes: "
                + string.Join(", ", episodes.GroupBy(e => e.Pid).Select(g => $"pid {g.Key}: {g.Count()} episodes")));
            Assert.True(busy > 1, "Only one worker process did any work.");
            Assert.All(workers, w => Assert.False(w.HasExited, "A worker died on its own:\n" + w.Output));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}
