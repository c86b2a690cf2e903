using System.Diagnostics;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using Microsoft.DurableTask.Client;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.LocalStack.Azurite;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// HelloSequence5 throughput: the instances are scheduled first, then one worker starts and the clock runs until
/// the last one completes, so the figure is the engine's processing rate, not the client's insert rate. It runs on
/// PostgreSQL (with the database profile) and on Azure Storage against a private Azurite, so the backends compare
/// in one run.
/// </summary>
internal static class HelloSequenceScenario
{
    private const string Prefix = "hello-";
    private static readonly OrchestrationRuntimeStatus[] Unfinished = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    public static async Task<ThroughputResult> RunAsync(string connectionString, string dataDirectory, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var meter = new DatabaseMeter(connectionString);
        var server = new ServerCpuMeter(dataDirectory);
        TimeSpan serverCpu = default;
        DatabaseProfile? database = null;
        var result = await MeasureAsync(
            StorageProviderOptions.Postgres, connectionString, settings.HelloInstances, warmUp: 200, settings.Concurrency, TimeSpan.FromMilliseconds(10),
            async () =>
            {
                await meter.StartAsync(cancellationToken);
                server.Start();
            },
            async () =>
            {
                serverCpu = server.Stop();
                database = await meter.StopAsync(top: 8, cancellationToken);
            },
            cancellationToken);
        return result with { ServerCpu = serverCpu, Database = database };
    }

    public static async Task<ThroughputResult> RunOnAzureStorageAsync(int instances, int concurrency, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: cancellationToken);
        return await MeasureAsync(
            StorageProviderOptions.AzureStorage, azurite.ConnectionString, instances, warmUp: 20, concurrency, TimeSpan.FromMilliseconds(50),
            () => Task.CompletedTask, () => Task.CompletedTask, cancellationToken);
    }

    private static async Task<ThroughputResult> MeasureAsync(
        string backend,
        string connectionString,
        int instances,
        int warmUp,
        int concurrency,
        TimeSpan poll,
        Func<Task> clockStarting,
        Func<Task> clockStopped,
        CancellationToken cancellationToken)
    {
        var counters = new StepCounters();

        // Warm-up in another hub: JIT, connection pools and the store's caches, outside the measurement.
        await using (var warm = new EngineHost(backend, connectionString, "warmup", concurrency, r => BenchWorkload.Register(r, counters)))
        {
            await warm.StartAsync(cancellationToken);
            await Instances.ScheduleAsync(warm.Client, HelloSequence5.Name, Prefix, Math.Min(warmUp, instances), i => $"warm {i}", cancellationToken);
            await Instances.WaitUntilNoneAsync(warm.Client, Prefix, Unfinished, TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        await using var host = new EngineHost(backend, connectionString, "hello", concurrency, r => BenchWorkload.Register(r, counters));
        await host.EnsureCreatedAsync(cancellationToken);
        await Instances.ScheduleAsync(host.Client, HelloSequence5.Name, Prefix, instances, i => $"instance {i}", cancellationToken);

        await clockStarting();
        counters.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);

        // Watch the in-process counter until the last activity ran, so that polling the store does not load it
        // during the measurement; only the final episodes remain to be waited for.
        while (counters.Activities < instances * 5L)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        await Instances.WaitUntilNoneAsync(host.Client, Prefix, Unfinished, poll, cancellationToken);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await clockStopped();
        var (episodes, activities) = (counters.Episodes, counters.Activities);
        await host.StopAsync();

        var completed = await Instances.CountAsync(host.Client, Prefix, OrchestrationRuntimeStatus.Completed, cancellationToken);
        return new ThroughputResult(instances, elapsed, episodes, activities, instances - completed, cpu);
    }
}
