using DurableTask.Core;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

/// <summary>Passes its input through an activity and back: large payloads travel every path.</summary>
public sealed class EchoThrough : TaskOrchestration<string, string>
{
    public override Task<string> RunTask(OrchestrationContext context, string input) => context.ScheduleTask<string>(typeof(Echo), input);
}
