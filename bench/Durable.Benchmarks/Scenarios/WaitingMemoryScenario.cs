using System.Diagnostics;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// Memory of a worker process (this executable in worker mode) that has started many orchestrations which now all
/// sleep on durable timers; the kernel's high-water mark (VmHWM) includes the start-up burst.
/// </summary>
internal static class WaitingMemoryScenario
{
    private const string Prefix = "sleep-";
    private const string Hub = "timers";

    public static async Task<MemoryResult> RunAsync(string connectionString, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        // A client only: its worker is never started, so all the work happens in the child process.
        await using var client = new EngineHost(connectionString, Hub, settings.Concurrency, _ => { });
        await client.EnsureCreatedAsync(cancellationToken);
        await using var worker = await ChildWorker.StartAsync(connectionString, Hub, settings.Concurrency, cancellationToken);

        var clock = Stopwatch.StartNew();
        await Instances.ScheduleAsync(client.Client, WaitOnTimer.Name, Prefix, settings.WaitingInstances, i => i, cancellationToken);
        await Instances.WaitUntilNoneAsync(client.Client, Prefix, [OrchestrationRuntimeStatus.Pending], TimeSpan.FromMilliseconds(100), cancellationToken);
        var elapsed = clock.Elapsed;

        var running = await Instances.CountAsync(client.Client, Prefix, OrchestrationRuntimeStatus.Running, cancellationToken);
        if (running != settings.WaitingInstances)
        {
            throw new InvalidOperationException($"Expected {settings.WaitingInstances} instances waiting on timers, found {running}.");
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var (peak, current) = worker.ReadMemory();
        return new MemoryResult(running, peak, current, elapsed);
    }
}
