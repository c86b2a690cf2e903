using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Tests.Definitions;

public sealed class ScheduleCalculatorTests
{
    private static readonly DateTimeOffset Jan31Noon = new(2027, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_monthly_day_past_the_months_end_falls_on_its_last_day()
    {
        var schedule = new RuleSchedule(ScheduleFrequency.Monthly, 31, TimeSpan.FromHours(9), "UTC", null);

        var february = ScheduleCalculator.NextAfter(schedule, Jan31Noon);
        var march = ScheduleCalculator.NextAfter(schedule, february!.Value);

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 9, 0, 0, TimeSpan.Zero), february);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 9, 0, 0, TimeSpan.Zero), march);
    }

    [Fact]
    public void Times_are_read_in_the_schedules_time_zone()
    {
        // 09:00 in Mexico City (UTC-6, no daylight saving since 2022) is 15:00 UTC.
        var schedule = new RuleSchedule(ScheduleFrequency.Weekly, 1, TimeSpan.FromHours(9), "America/Mexico_City", null);

        Assert.Equal(new DateTimeOffset(2027, 2, 1, 15, 0, 0, TimeSpan.Zero), ScheduleCalculator.NextAfter(schedule, Jan31Noon));
    }

    [Fact]
    public void Quarterly_is_the_first_day_of_each_quarter_and_a_passed_one_off_is_never_due()
    {
        var quarterly = new RuleSchedule(ScheduleFrequency.Quarterly, 1, TimeSpan.Zero, "UTC", null);
        var once = new RuleSchedule(ScheduleFrequency.Once, 0, TimeSpan.Zero, "UTC", Jan31Noon);

        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), ScheduleCalculator.NextAfter(quarterly, Jan31Noon));
        Assert.Equal(Jan31Noon, ScheduleCalculator.NextAfter(once, Jan31Noon.AddSeconds(-1)));
        Assert.Null(ScheduleCalculator.NextAfter(once, Jan31Noon));
    }
}
