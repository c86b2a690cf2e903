using Microsoft.DurableTask;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>
/// Waits for "Ping" events forever; each one schedules a "Pong" activity carrying the event's payload, the
/// Stopwatch timestamp taken just before the event was raised.
/// </summary>
internal sealed class EventLoop : TaskOrchestrator<int, int>
{
    public const string Name = nameof(EventLoop);
    public const string Ping = nameof(Ping);
    public const string Pong = nameof(Pong);

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var handled = 0;
        while (true)
        {
            var stamp = await context.WaitForExternalEvent<long>(Ping);
            if (stamp < 0)
            {
                return handled;
            }

            await context.CallActivityAsync(Pong, stamp);
            handled++;
        }
    }
}
