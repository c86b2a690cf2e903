using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// Light-load latency: one event at a time, round-robin over waiting instances, each timed from just before
/// <c>RaiseEventAsync</c> to the start of the activity the orchestrator schedules in response.
/// </summary>
internal static class EventLatencyScenario
{
    private const string Prefix = "ping-";
    private const int Loops = 50;
    private const int WarmUpEvents = 50;

    public static async Task<LatencyResult> RunAsync(string connectionString, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var probe = new LatencyProbe();
        await using var host = new EngineHost(connectionString, "latency", settings.Concurrency, r => BenchWorkload.Register(r, new StepCounters(), probe));
        await host.StartAsync(cancellationToken);
        await Instances.ScheduleAsync(host.Client, EventLoop.Name, Prefix, Loops, _ => 0, cancellationToken);
        await Instances.WaitUntilNoneAsync(host.Client, Prefix, [OrchestrationRuntimeStatus.Pending], TimeSpan.FromMilliseconds(50), cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);

        var latencies = new List<double>(settings.LatencyEvents);
        for (var i = 0; i < WarmUpEvents + settings.LatencyEvents; i++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await host.Client.RaiseEventAsync(Instances.Id(Prefix, i % Loops), EventLoop.Ping, System.Diagnostics.Stopwatch.GetTimestamp(), timeout.Token);
            var latency = await probe.NextAsync(timeout.Token);
            if (i >= WarmUpEvents)
            {
                latencies.Add(latency.TotalMilliseconds);
            }
        }

        latencies.Sort();
        return new LatencyResult(latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
