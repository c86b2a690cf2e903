using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Continues as new with input + 1 until it reaches 3; each generation runs one activity.</summary>
public sealed class CountUp : TaskOrchestration<int, int>
{
    public override async Task<int> RunTask(OrchestrationContext context, int input)
    {
        await context.ScheduleTask<string>(typeof(Greet), input.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (input < 3)
        {
            context.ContinueAsNew(input + 1);
        }

        return input;
    }
}
