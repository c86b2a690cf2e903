using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

public sealed class Greet : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => $"Hello, {input}!";
}
