namespace PaymentFunctions.Durable;

/// <summary>
/// Declarative retries for activities and sub-orchestrations. Waits between attempts are durable timers, so a
/// retry survives restarts and costs no memory while it waits.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxNumberOfAttempts">Attempts in all, the first included; at least 1.</param>
    /// <param name="firstRetryInterval">The wait before the second attempt.</param>
    /// <param name="backoffCoefficient">Each wait is the previous one times this (at least 1).</param>
    /// <param name="maxRetryInterval">The longest single wait; unbounded when null.</param>
    /// <param name="retryTimeout">No new attempt starts later than this after the first one started.</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        this.MaxNumberOfAttempts = maxNumberOfAttempts;
        this.FirstRetryInterval = firstRetryInterval;
        this.BackoffCoefficient = backoffCoefficient;
        this.MaxRetryInterval = maxRetryInterval;
        this.RetryTimeout = retryTimeout;
    }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>The growth factor of successive waits.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The longest single wait.</summary>
    public TimeSpan? MaxRetryInterval { get; }

    /// <summary>How long after the first attempt new attempts may still start.</summary>
    public TimeSpan? RetryTimeout { get; }

    /// <summary>
    /// Decides whether a failure is worth retrying; it receives the <see cref="TaskFailedException"/>.
    /// Retries every failure by default.
    /// </summary>
    public Func<Exception, bool> Handle { get; init; } = static _ => true;

    /// <summary>The wait after the given (1-based) failed attempt.</summary>
    public TimeSpan GetDelay(int failedAttempt)
    {
        var ticks = this.FirstRetryInterval.Ticks * Math.Pow(this.BackoffCoefficient, failedAttempt - 1);
        var delay = ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        return this.MaxRetryInterval is { } max && delay > max ? max : delay;
    }
}
