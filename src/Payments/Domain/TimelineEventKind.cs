namespace PaymentFunctions.Payments.Domain;

/// <summary>What a timeline entry records; stored as text and rendered by <c>TimelineRenderer</c> in Spanish or English.</summary>
public enum TimelineEventKind
{
    /// <summary>The payment was created.</summary>
    Created,

    /// <summary>A buyer deposit was matched to the payment.</summary>
    DepositMatched,

    /// <summary>No deposit arrived before the deadline.</summary>
    Expired,

    /// <summary>MXNB withdrawal to the bridge wallet was requested at Juno.</summary>
    WithdrawalRequested,

    /// <summary>The withdrawn tokens reached the bridge wallet.</summary>
    TokensArrived,

    /// <summary>The escrow was created on chain.</summary>
    EscrowCreated,

    /// <summary>Custody started and runs until the custody end.</summary>
    CustodyStarted,

    /// <summary>Someone disputed the payment.</summary>
    Disputed,

    /// <summary>A dispute was resolved (release or refund).</summary>
    DisputeResolved,

    /// <summary>An operator asked for the release before the custody end.</summary>
    ReleaseRequested,

    /// <summary>The release waits for approvers (the four-eyes rule): the count so far and the count required.</summary>
    AwaitingApproval,

    /// <summary>An approver approved the release.</summary>
    Approved,

    /// <summary>The release has every approval it needs.</summary>
    ApprovalsComplete,

    /// <summary>The payment was cancelled.</summary>
    Cancelled,

    /// <summary>The escrow paid out on chain.</summary>
    EscrowReleased,

    /// <summary>The escrow refunded on chain.</summary>
    EscrowRefunded,

    /// <summary>MXNB was redeemed to MXN at Juno.</summary>
    Redeemed,

    /// <summary>The SPEI payout to the seller was sent.</summary>
    PayoutSent,

    /// <summary>The SPEI payout settled.</summary>
    PayoutSettled,

    /// <summary>The SPEI payout was returned or rejected.</summary>
    PayoutReturned,

    /// <summary>Funds are held for an operator.</summary>
    OnHold,

    /// <summary>An operator resumed a held payment.</summary>
    Resumed,

    /// <summary>A SPEI refund to the buyer was sent.</summary>
    RefundSent,

    /// <summary>The buyer's refund settled.</summary>
    Refunded,

    /// <summary>The seller was paid; the payment is complete.</summary>
    Completed,

    /// <summary>The payment failed.</summary>
    Failed,

    /// <summary>The chain disagrees with the database.</summary>
    ChainDrift,

    /// <summary>The payment made no progress for too long.</summary>
    Stuck,

    /// <summary>A deposit arrived at the payment's CLABE that it cannot take (another amount, or too late): money to review.</summary>
    UnmatchedDeposit,
}
