namespace PaymentFunctions.Rules.Approvals;

/// <summary>An approval gate: <see cref="Required"/> approvals from <see cref="Group"/>, at the condition's path.</summary>
public sealed record ApprovalGateRequirement(string Path, int Required, IReadOnlyList<string> Group);
