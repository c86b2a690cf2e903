namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>UTC ticks, the form every time takes in the tables (exact, unlike timestamptz's microseconds).</summary>
internal static class Ticks
{
    public static long From(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    public static DateTime ToUtc(long ticks) => new(ticks, DateTimeKind.Utc);

    public static DateTime? ToUtc(long? ticks) => ticks is { } t ? ToUtc(t) : null;
}
