using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Greets, then waits for an external "approve" event and returns its payload.</summary>
public sealed class AwaitApproval : TaskOrchestration<string, string>
{
    private readonly TaskCompletionSource<string> approved = new();

    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var greeting = await context.ScheduleTask<string>(typeof(Greet), input);
        var approval = await this.approved.Task;
        return $"{greeting} {approval}";
    }

    public override void OnEvent(OrchestrationContext context, string name, string input)
    {
        if (name == "approve")
        {
            this.approved.TrySetResult(input);
        }
    }
}
