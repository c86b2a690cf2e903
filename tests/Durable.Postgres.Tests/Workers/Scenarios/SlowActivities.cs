namespace PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;

/// <summary>Activity durations for the crash test: long enough that a kill always catches some mid-flight.</summary>
internal static class SlowActivities
{
    /// <summary>50–200 ms, varying by input so completions interleave.</summary>
    public static TimeSpan Delay(int x) => TimeSpan.FromMilliseconds(50 + (Math.Abs(x * 37) % 151));
}
