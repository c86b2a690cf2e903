namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>The external events a payment's orchestration waits for; the API and the timers raise them.</summary>
public static class PaymentEvents
{
    /// <summary>A buyer's deposit was matched and claimed for the payment (<see cref="DepositMatched"/>).</summary>
    public const string DepositMatched = nameof(DepositMatched);

    /// <summary>The buyer disputes during custody (<see cref="OperatorAction"/>).</summary>
    public const string Dispute = nameof(Dispute);

    /// <summary>An operator settles a dispute (<see cref="DisputeResolution"/>).</summary>
    public const string Resolve = nameof(Resolve);

    /// <summary>Release before custody ends (<see cref="OperatorAction"/>); approvals still apply.</summary>
    public const string ReleaseEarly = nameof(ReleaseEarly);

    /// <summary>Call the payment off during custody and refund the buyer (<see cref="OperatorAction"/>).</summary>
    public const string Cancel = nameof(Cancel);

    /// <summary>An approval was recorded; the orchestration recounts (<see cref="OperatorAction"/>).</summary>
    public const string Approved = nameof(Approved);

    /// <summary>An operator resumes a payment on hold (<see cref="OperatorAction"/>).</summary>
    public const string Resume = nameof(Resume);
}
