using Microsoft.DurableTask;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>Sleeps on a durable timer an hour away: the idle orchestration whose memory cost is measured.</summary>
internal sealed class WaitOnTimer : TaskOrchestrator<int, int>
{
    public const string Name = nameof(WaitOnTimer);

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        await context.CreateTimer(context.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
        return input;
    }
}
