namespace PaymentFunctions.Rules.Approvals;

/// <summary>One approver's decision on an execution.</summary>
public sealed record ApprovalDecision(string Approver, bool Approved, DateTimeOffset At);
