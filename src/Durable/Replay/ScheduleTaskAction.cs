namespace PaymentFunctions.Durable.Replay;

internal sealed record ScheduleTaskAction(int Id, string Name, string? Version, string? Input, int StepId, IReadOnlyDictionary<string, string>? Tags)
    : OrchestratorAction(Id)
{
    public override string Describe() => $"TaskScheduled '{this.Name}'";
}
