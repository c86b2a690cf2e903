namespace PaymentFunctions.Durable;

/// <summary>
/// The orchestrator code produced a different action than its history recorded, typically because the code
/// changed while an instance was running. The instance fails rather than guess.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception naming the recorded and the produced action.</summary>
    public NonDeterministicOrchestrationException(int sequenceId, string expected, string actual)
        : base($"Non-deterministic orchestration: at sequence id {sequenceId} the history has {expected} but the code produced {actual}.")
    {
        this.SequenceId = sequenceId;
        this.Expected = expected;
        this.Actual = actual;
    }

    /// <summary>The sequence id where history and code diverged.</summary>
    public int SequenceId { get; }

    /// <summary>The action recorded in history.</summary>
    public string Expected { get; }

    /// <summary>The action the code produced.</summary>
    public string Actual { get; }
}
