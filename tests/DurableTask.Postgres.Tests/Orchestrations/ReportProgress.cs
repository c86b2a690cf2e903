using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Reports "waiting" as its custom status until a "go" event, then "done".</summary>
public sealed class ReportProgress : TaskOrchestration<string, string>
{
    private readonly TaskCompletionSource<string> go = new();
    private string status = "waiting";

    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var value = await this.go.Task;
        this.status = "done";
        return value;
    }

    public override void OnEvent(OrchestrationContext context, string name, string input)
    {
        if (name == "go")
        {
            this.go.TrySetResult(input);
        }
    }

    public override string OnGetStatus() => this.status;
}
