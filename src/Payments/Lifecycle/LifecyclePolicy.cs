namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Retry and polling settings of the lifecycle (section <c>Payments:Lifecycle</c>).</summary>
public sealed record LifecyclePolicy
{
    /// <summary>Attempts of a step that talks to Juno or the chain before it counts as failed for good.</summary>
    public int StepAttempts { get; init; } = 4;

    /// <summary>Wait before the second attempt of a step; doubles after each failure.</summary>
    public TimeSpan StepRetryInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one activity polls Juno for a transaction to settle before handing back to a durable timer.</summary>
    public TimeSpan PollWithin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Durable wait between polls once an activity gave up polling.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Payout attempts (a returned SPEI is retried) before the funds are held for an operator.</summary>
    public int PayoutAttempts { get; init; } = 3;

    /// <summary>Wait before re-sending a returned payout; doubles after each return.</summary>
    public TimeSpan PayoutRetryInterval { get; init; } = TimeSpan.FromSeconds(30);
}
