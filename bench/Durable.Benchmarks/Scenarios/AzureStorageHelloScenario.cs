using System.Diagnostics;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.LocalStack.Azurite;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// HelloSequence5 on DTFx's Azure Storage provider against a private, in-memory Azurite, measured like the
/// PostgreSQL run (scheduled first, clock from worker start to last completion), so the two backends compare in one run.
/// </summary>
internal static class AzureStorageHelloScenario
{
    private const string Prefix = "hello-";
    private static readonly OrchestrationRuntimeStatus[] Unfinished = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];

    public static async Task<ThroughputResult> RunAsync(int instances, int concurrency, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: cancellationToken);
        var counters = new StepCounters();
        await using (var warm = new EngineHost(StorageProviderOptions.AzureStorage, azurite.ConnectionString, "warmup", concurrency, r => BenchWorkload.Register(r, counters)))
        {
            await warm.StartAsync(cancellationToken);
            await Instances.ScheduleAsync(warm.Client, HelloSequence5.Name, Prefix, Math.Min(20, instances), i => $"warm {i}", cancellationToken);
            await Instances.WaitUntilNoneAsync(warm.Client, Prefix, Unfinished, TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        await using var host = new EngineHost(StorageProviderOptions.AzureStorage, azurite.ConnectionString, "hello", concurrency, r => BenchWorkload.Register(r, counters));
        await host.EnsureCreatedAsync(cancellationToken);
        await Instances.ScheduleAsync(host.Client, HelloSequence5.Name, Prefix, instances, i => $"instance {i}", cancellationToken);
        counters.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);
        while (counters.Activities < instances * 5L)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        await Instances.WaitUntilNoneAsync(host.Client, Prefix, Unfinished, TimeSpan.FromMilliseconds(50), cancellationToken);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var (episodes, activities) = (counters.Episodes, counters.Activities);
        await host.StopAsync();
        var completed = await Instances.CountAsync(host.Client, Prefix, OrchestrationRuntimeStatus.Completed, cancellationToken);
        return new ThroughputResult(instances, elapsed, episodes, activities, instances - completed, cpu);
    }
}
