using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

public sealed class CallFlaky : TaskOrchestration<string, string>
{
    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var greeting = await context.ScheduleTask<string>(typeof(Greet), input);
        var flaky = await context.ScheduleTask<string>(typeof(Flaky), input);
        return $"{greeting} {flaky}";
    }
}
