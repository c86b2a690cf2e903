namespace PaymentFunctions.Rules.Audit;

/// <summary>The result of walking the hash chain: valid, or the first entry that does not match and why.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? BrokenAt, string? Reason);
