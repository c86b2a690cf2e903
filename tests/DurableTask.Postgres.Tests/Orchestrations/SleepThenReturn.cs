using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Waits on a durable timer for the given number of milliseconds, then returns when it fired.</summary>
public sealed class SleepThenReturn : TaskOrchestration<DateTime, int>
{
    public override async Task<DateTime> RunTask(OrchestrationContext context, int input)
    {
        var fireAt = context.CurrentUtcDateTime.AddMilliseconds(input);
        await context.CreateTimer(fireAt, "slept");
        return fireAt;
    }
}
