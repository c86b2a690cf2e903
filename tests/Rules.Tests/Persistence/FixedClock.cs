namespace PaymentFunctions.Rules.Tests.Persistence;

/// <summary>A clock standing still at a chosen instant, so tests can pick their own day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => this.Now;
}
