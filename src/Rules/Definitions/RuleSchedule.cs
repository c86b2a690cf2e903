namespace PaymentFunctions.Rules.Definitions;

/// <summary>
/// When a rule is due: <see cref="Day"/> is the day of the month (monthly, 1–31) or of the week (weekly, 1 = Monday
/// … 7 = Sunday); <see cref="At"/> is the instant of a one-off. <see cref="TimeOfDay"/> is read in <see cref="TimeZone"/>.
/// </summary>
public sealed record RuleSchedule(ScheduleFrequency Frequency, int Day, TimeSpan TimeOfDay, string TimeZone, DateTimeOffset? At);
