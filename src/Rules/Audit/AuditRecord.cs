namespace PaymentFunctions.Rules.Audit;

/// <summary>What one audit entry says; the log adds the sequence, the time and the hash chain.</summary>
public sealed record AuditRecord(string RuleId, string? ExecutionId, string UserId, string Kind, string PreState, string Details, string PostState);
