namespace PaymentFunctions.Durable.Replay;

internal sealed record SendEventAction(int Id, string InstanceId, string Name, string? Input) : OrchestratorAction(Id)
{
    public override string Describe() => $"EventSent '{this.Name}'";
}
