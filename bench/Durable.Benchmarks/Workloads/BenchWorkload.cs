using Microsoft.DurableTask;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>Registers every benchmark orchestrator and activity, counting steps as they run.</summary>
internal static class BenchWorkload
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry, StepCounters counters, LatencyProbe? latency = null)
    {
        // The registry creates an orchestrator once per episode, which makes the factory the place to count episodes.
        registry
            .AddOrchestrator(HelloSequence5.Name, () => Counted(counters, new HelloSequence5()))
            .AddOrchestrator(FanOutFanIn.Name, () => Counted(counters, new FanOutFanIn()))
            .AddOrchestrator(EventLoop.Name, () => Counted(counters, new EventLoop()))
            .AddOrchestrator(WaitOnTimer.Name, () => Counted(counters, new WaitOnTimer()));

        registry.AddActivityFunc<string, string>(HelloSequence5.SayHello, (_, city) =>
        {
            counters.Activity();
            return $"Hello {city}!";
        });
        registry.AddActivityFunc<int, int>(FanOutFanIn.Work, (_, i) =>
        {
            counters.Activity();
            return i;
        });
        registry.AddActivityFunc<long, bool>(EventLoop.Pong, (_, stamp) =>
        {
            latency?.Arrived(stamp);
            counters.Activity();
            return true;
        });
        return registry;
    }

    private static ITaskOrchestrator Counted(StepCounters counters, ITaskOrchestrator orchestrator)
    {
        counters.Episode();
        return orchestrator;
    }
}
