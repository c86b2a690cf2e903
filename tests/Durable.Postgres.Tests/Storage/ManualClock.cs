namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

/// <summary>A clock the test moves by hand, so lease expiry needs no waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => this.now;

    public void Advance(TimeSpan by) => this.now += by;
}
