using System.Diagnostics;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Workloads;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>One orchestration fanning out to thousands of activities and back in: from scheduling to its completion.</summary>
internal static class FanOutScenario
{
    public static async Task<ThroughputResult> RunAsync(string connectionString, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var counters = new StepCounters();
        await using var host = new EngineHost(connectionString, "fanout", settings.Concurrency, r => BenchWorkload.Register(r, counters));
        await host.StartAsync(cancellationToken);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(FanOutFanIn.Name, settings.FanOutActivities, cancellation: cancellationToken);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        var expected = (long)settings.FanOutActivities * (settings.FanOutActivities - 1) / 2;
        var correct = done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<long>() == expected;
        return new ThroughputResult(1, elapsed, counters.Episodes, counters.Activities, correct ? 0 : 1, cpu);
    }
}
