using Microsoft.DurableTask;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>Schedules its input's number of activities at once and waits for them all.</summary>
internal sealed class FanOutFanIn : TaskOrchestrator<int, long>
{
    public const string Name = nameof(FanOutFanIn);
    public const string Work = nameof(Work);

    public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(Work, i)));
        return results.Sum(r => (long)r);
    }
}
