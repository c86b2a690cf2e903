using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// How an intent ended on chain: the mined attempt's receipt at the configured confirmation depth, and for a
/// reverted transaction the decoded reason, so the caller can decide between retrying and compensating.
/// </summary>
public sealed record TransactionOutcome
{
    /// <summary>The caller's idempotency key.</summary>
    public required string IntentId { get; init; }

    /// <summary>The hash of the attempt that was mined.</summary>
    public required string TransactionHash { get; init; }

    /// <summary>The nonce used.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>The receipt of the mined attempt.</summary>
    public required TransactionReceipt Receipt { get; init; }

    /// <summary>How many attempts were signed (more than one when the transaction was replaced).</summary>
    public required int Attempts { get; init; }

    /// <summary>The head block seen when the confirmation depth was reached (or when a finished intent was looked up again).</summary>
    public BigInteger ConfirmedAtBlock { get; init; }

    /// <summary>Why the transaction reverted; null when it succeeded.</summary>
    public RevertReason? Revert { get; init; }

    /// <summary>True when the receipt has status 1.</summary>
    public bool Succeeded => Receipt.Succeeded;

    /// <summary>Shows intent, hash and result.</summary>
    public override string ToString() =>
        $"TransactionOutcome {IntentId} {TransactionHash} {(Succeeded ? "succeeded" : "reverted: " + Revert?.Message)}";
}
