using Microsoft.DurableTask;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>Returns the id of the scoped service it was constructed with.</summary>
public sealed class ScopedProbeActivity(ScopedProbe probe) : TaskActivity<string, Guid>
{
    public override Task<Guid> RunAsync(TaskActivityContext context, string input) => Task.FromResult(probe.Id);
}
