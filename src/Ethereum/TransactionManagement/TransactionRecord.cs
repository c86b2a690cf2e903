using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>The stored state of one intent: its nonce, its signed attempts and how it ended.</summary>
public sealed record TransactionRecord
{
    /// <summary>The caller's idempotency key.</summary>
    public required string IntentId { get; init; }

    /// <summary>The chain the transaction is signed for.</summary>
    public required long ChainId { get; init; }

    /// <summary>The sender.</summary>
    public required Address From { get; init; }

    /// <summary>The recipient; null for deployments.</summary>
    public Address? To { get; init; }

    /// <summary>The nonce, shared by all attempts.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>Where the transaction is.</summary>
    public required TransactionStatus Status { get; init; }

    /// <summary>The signed attempts, oldest first; never empty.</summary>
    public required IReadOnlyList<TransactionAttempt> Attempts { get; init; }

    /// <summary>The hash of the attempt that was mined, once known.</summary>
    public string? MinedHash { get; init; }

    /// <summary>The block that included the mined attempt.</summary>
    public BigInteger? BlockNumber { get; init; }

    /// <summary>Revert data of a reverted transaction (from replaying the call), empty when the replay gave none.</summary>
    public ReadOnlyMemory<byte>? RevertData { get; init; }

    /// <summary>When the intent was first stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the row last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Keccak-256 over sender, recipient, value and data: detects an intent id reused for a different transaction.</summary>
    internal ReadOnlyMemory<byte> RequestHash { get; init; }

    /// <summary>The newest attempt, the one sent last.</summary>
    public TransactionAttempt Latest => Attempts[^1];

    /// <summary>True once the transaction is mined and confirmed, successfully or not.</summary>
    public bool IsFinished => Status is TransactionStatus.Confirmed or TransactionStatus.Reverted;

    /// <summary>Shows the intent, masked sender, nonce and status.</summary>
    public override string ToString() =>
        $"TransactionRecord {IntentId} from {From.ToMaskedString()} nonce {Nonce} {Status} ({Attempts.Count} attempt(s))";
}
