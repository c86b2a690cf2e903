namespace PaymentFunctions.Durable.Replay;

internal sealed record CreateSubOrchestrationAction(int Id, string Name, string? Version, string InstanceId, string? Input)
    : OrchestratorAction(Id)
{
    public override string Describe() => $"SubOrchestrationInstanceCreated '{this.Name}'";
}
