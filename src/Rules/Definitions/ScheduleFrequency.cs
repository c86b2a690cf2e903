namespace PaymentFunctions.Rules.Definitions;

/// <summary>How often a scheduled rule is due.</summary>
public enum ScheduleFrequency
{
    /// <summary>On a day of the month (clamped to the month's last day).</summary>
    Monthly,

    /// <summary>On a day of the week.</summary>
    Weekly,

    /// <summary>Once, at a given instant.</summary>
    Once,

    /// <summary>On the first day of January, April, July and October (profit distribution's quarterly period).</summary>
    Quarterly,
}
