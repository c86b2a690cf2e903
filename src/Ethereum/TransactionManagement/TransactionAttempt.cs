using System.Numerics;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// One signed version of a stored transaction. Attempts share the nonce and differ in fees: a replacement
/// for a stuck transaction is a new attempt, and whichever attempt is mined settles the intent.
/// </summary>
/// <param name="Number">1 for the first signature, then one more per replacement.</param>
/// <param name="Hash">The transaction hash ("0x" hex).</param>
/// <param name="Raw">The exact signed bytes, re-sent unchanged after a crash.</param>
/// <param name="MaxFeePerGas">The fee cap of this attempt.</param>
/// <param name="MaxPriorityFeePerGas">The tip of this attempt.</param>
/// <param name="CreatedAt">When the attempt was stored.</param>
public sealed record TransactionAttempt(
    int Number,
    string Hash,
    ReadOnlyMemory<byte> Raw,
    BigInteger MaxFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    DateTimeOffset CreatedAt)
{
    /// <summary>Shows the number, hash and fees; not the raw bytes.</summary>
    public override string ToString() => $"attempt {Number} {Hash} (max fee {MaxFeePerGas}, tip {MaxPriorityFeePerGas})";
}
