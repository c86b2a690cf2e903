namespace PaymentFunctions.Durable.Replay;

/// <summary>Something the orchestrator code asked for, identified by its sequence id.</summary>
internal abstract record OrchestratorAction(int Id)
{
    /// <summary>A short description for non-determinism errors, e.g. <c>TaskScheduled 'Charge'</c>.</summary>
    public abstract string Describe();
}
