using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

public sealed class GreetTwice : TaskOrchestration<string, string>
{
    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var first = await context.ScheduleTask<string>(typeof(Greet), input);
        var second = await context.ScheduleTask<string>(typeof(Greet), first);
        return second;
    }
}
