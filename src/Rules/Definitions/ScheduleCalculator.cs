namespace PaymentFunctions.Rules.Definitions;

/// <summary>
/// When a schedule is next due after an instant: pure, so an orchestration computes it alike on every replay.
/// A monthly day past the month's end falls on its last day; times are read in the schedule's time zone.
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>The first due instant strictly after <paramref name="after"/>, or null when a one-off has passed.</summary>
    public static DateTimeOffset? NextAfter(RuleSchedule schedule, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Frequency == ScheduleFrequency.Once)
        {
            return schedule.At > after ? schedule.At : null;
        }

        RuleTimeZones.TryFind(schedule.TimeZone, out var zone);
        zone ??= TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(after, zone).Date;

        // Walk day by day from the local date of 'after'; at most a quarter and a bit.
        for (var day = local.AddDays(-1); day <= local.AddDays(100); day = day.AddDays(1))
        {
            if (!IsDue(schedule, day))
            {
                continue;
            }

            var localDue = day + schedule.TimeOfDay;
            var due = new DateTimeOffset(localDue, zone.GetUtcOffset(localDue)).ToUniversalTime();
            if (due > after)
            {
                return due;
            }
        }

        return null;
    }

    private static bool IsDue(RuleSchedule schedule, DateTime day)
    {
        var lastDay = DateTime.DaysInMonth(day.Year, day.Month);
        return schedule.Frequency switch
        {
            ScheduleFrequency.Monthly => day.Day == Math.Min(schedule.Day, lastDay),
            ScheduleFrequency.Weekly => (day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek) == schedule.Day,
            ScheduleFrequency.Quarterly => day.Day == 1 && day.Month % 3 == 1,
            _ => false,
        };
    }
}
