namespace PaymentFunctions.Rules.Definitions;

/// <summary>
/// A validated rule as parsed from its JSON. Which members are set depends on <see cref="Type"/>: a contractor payment
/// has <see cref="Recipient"/>, <see cref="Amount"/> and <see cref="Schedule"/>; a revenue allocation
/// <see cref="Allocations"/>, <see cref="Trigger"/> and <see cref="MinimumAmount"/>; a profit distribution
/// <see cref="ProfitThreshold"/>, <see cref="Allocations"/> (its distribution rules), <see cref="CalculationPeriod"/>
/// and <see cref="Stakeholders"/>.
/// </summary>
public sealed record RuleDefinition(RuleType Type, string Name, string SourceAccount)
{
    public RuleRecipient? Recipient { get; init; }

    public RuleAmount? Amount { get; init; }

    public RuleSchedule? Schedule { get; init; }

    public IReadOnlyList<RuleAllocation> Allocations { get; init; } = [];

    public RuleTrigger? Trigger { get; init; }

    public decimal? MinimumAmount { get; init; }

    public decimal? ProfitThreshold { get; init; }

    public ScheduleFrequency? CalculationPeriod { get; init; }

    public IReadOnlyList<string> Stakeholders { get; init; } = [];

    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];

    /// <summary>Blocks on top of the mined one before a transfer counts as done (default 3).</summary>
    public int ConfirmationBlocks { get; init; } = 3;

    /// <summary>When the rule is due: its own schedule, its trigger's, or the calculation period's.</summary>
    public RuleSchedule? EffectiveSchedule => this.Schedule ?? this.Trigger?.Schedule;

    /// <summary>Every wallet the rule pays.</summary>
    public IEnumerable<string> Targets => this.Recipient is { } r ? [r.Address] : this.Allocations.Select(a => a.Target);
}
