using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Execution;

/// <summary>What a rule's schedule needs of the stored rule each time it wakes: status, owner and revision, and its schedule.</summary>
public sealed record RuleSnapshot(RuleStatus Status, string CreatedBy, int Revision, Definitions.RuleSchedule? Schedule);
