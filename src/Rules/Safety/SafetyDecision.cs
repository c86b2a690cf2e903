namespace PaymentFunctions.Rules.Safety;

/// <summary>Whether an execution may spend; a refusal names the limit (<see cref="SafetyLimits.Names"/>) and why.</summary>
public sealed record SafetyDecision(bool Allowed, string? Limit, string? Detail)
{
    public static readonly SafetyDecision Allow = new(true, null, null);

    public static SafetyDecision Refuse(string limit, string detail) => new(false, limit, detail);
}
