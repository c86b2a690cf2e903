namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>
/// The system clock plus an offset the test moves forward, so a replacement timeout expires exactly when the test
/// says; timers (the manager's polling) still run on real time.
/// </summary>
internal sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _offsetTicks, delta.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
