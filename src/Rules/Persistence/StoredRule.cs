namespace PaymentFunctions.Rules.Persistence;

/// <summary>
/// A rule as stored: its validated JSON (re-read through the structural layer on load, so stored and submitted rules
/// are read alike) and its revision, raised by every edit so an execution records which version it ran.
/// </summary>
public sealed class StoredRule
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Type { get; set; }

    public required string DefinitionJson { get; set; }

    public RuleStatus Status { get; set; }

    public int Revision { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
