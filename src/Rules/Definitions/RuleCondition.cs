namespace PaymentFunctions.Rules.Definitions;

/// <summary>
/// One condition. Only the fields of its <see cref="Kind"/> are set: <see cref="Min"/>/<see cref="Max"/> (amount
/// threshold), <see cref="Minimum"/> (balance minimum), <see cref="Days"/>, <see cref="StartHour"/>,
/// <see cref="EndHour"/>, <see cref="TimeZone"/> (time window), <see cref="Required"/>, <see cref="Group"/> (approval gate).
/// </summary>
public sealed record RuleCondition(ConditionKind Kind)
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public decimal? Minimum { get; init; }

    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public int StartHour { get; init; }

    public int EndHour { get; init; }

    public string TimeZone { get; init; } = "UTC";

    public int Required { get; init; }

    public IReadOnlyList<string> Group { get; init; } = [];
}
