using System.Diagnostics;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// HelloSequence5 throughput: the instances are scheduled first, then one worker starts and the clock runs until
/// the last one completes, so the figure is the engine's processing rate, not the client's insert rate.
/// </summary>
internal static class HelloSequenceScenario
{
    private const string Prefix = "hello-";
    private static readonly OrchestrationRuntimeStatus[] Unfinished = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    public static async Task<ThroughputResult> RunAsync(string connectionString, string dataDirectory, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var counters = new StepCounters();

        // Warm-up in another hub: JIT, connection pool and PostgreSQL caches, outside the measurement.
        await using (var warm = new EngineHost(connectionString, "warmup", settings.Concurrency, r => BenchWorkload.Register(r, counters)))
        {
            await warm.StartAsync(cancellationToken);
            await Instances.ScheduleAsync(warm.Client, HelloSequence5.Name, Prefix, Math.Min(200, settings.HelloInstances), i => $"warm {i}", cancellationToken);
            await Instances.WaitUntilNoneAsync(warm.Client, Prefix, Unfinished, TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        await using var host = new EngineHost(connectionString, "hello", settings.Concurrency, r => BenchWorkload.Register(r, counters));
        await host.EnsureCreatedAsync(cancellationToken);
        await Instances.ScheduleAsync(host.Client, HelloSequence5.Name, Prefix, settings.HelloInstances, i => $"instance {i}", cancellationToken);

        var meter = new DatabaseMeter(connectionString);
        await meter.StartAsync(cancellationToken);
        counters.Reset();
        var server = new ServerCpuMeter(dataDirectory);
        server.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);

        // Watch the in-process counter until the last activity ran, so that polling the database does not load it
        // during the measurement; only the final episodes remain to be waited for.
        while (counters.Activities < settings.HelloInstances * 5L)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        await Instances.WaitUntilNoneAsync(host.Client, Prefix, Unfinished, TimeSpan.FromMilliseconds(10), cancellationToken);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var serverCpu = server.Stop();
        var (episodes, activities) = (counters.Episodes, counters.Activities);
        await host.StopAsync();
        var database = await meter.StopAsync(top: 8, cancellationToken);

        var completed = await Instances.CountAsync(host.Client, Prefix, OrchestrationRuntimeStatus.Completed, cancellationToken);
        return new ThroughputResult(settings.HelloInstances, elapsed, episodes, activities, settings.HelloInstances - completed, cpu, serverCpu, database);
    }
}
