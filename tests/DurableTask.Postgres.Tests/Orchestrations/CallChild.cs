using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

public sealed class CallChild : TaskOrchestration<string, string>
{
    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        var child = await context.CreateSubOrchestrationInstance<string>(typeof(GreetTwice), context.OrchestrationInstance.InstanceId + "-child", input);
        return $"child said {child}";
    }
}
