namespace PaymentFunctions.Durable.Replay;

internal sealed record CreateTimerAction(int Id, DateTimeOffset FireAt) : OrchestratorAction(Id)
{
    public override string Describe() => "TimerCreated";
}
