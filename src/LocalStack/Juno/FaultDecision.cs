namespace PaymentFunctions.LocalStack.Juno;

/// <summary>What to do to one request.</summary>
internal readonly record struct FaultDecision(int LatencyMs, int? ErrorStatus, bool Hang, bool Drop)
{
    public static readonly FaultDecision None = new(0, null, false, false);
}
