using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

public sealed class Echo : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => input;
}
