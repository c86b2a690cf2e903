using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using Nethereum.Signer;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// What a caller wants on chain, named by a caller-derived <see cref="IntentId"/> (e.g. <c>{instanceId}:{step}</c>).
/// The id is the idempotency key: an activity retried after a crash asks for the same intent and gets the
/// transaction that was already signed for it, never a second one.
/// </summary>
public sealed record TransactionIntent
{
    /// <summary>The idempotency key; stable across retries of the same step, never random.</summary>
    public required string IntentId { get; init; }

    /// <summary>The account that signs and pays: any Nethereum external signer (a Key Vault key, or a local key in development).</summary>
    public required IEthExternalSigner From { get; init; }

    /// <summary>The recipient or contract called; null deploys <see cref="Data"/> as init code.</summary>
    public Address? To { get; init; }

    /// <summary>Call data (or init code for a deployment).</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>Wei sent with the transaction.</summary>
    public BigInteger Value { get; init; }

    /// <summary>
    /// A fixed gas limit; null estimates it with <c>eth_estimateGas</c> plus the configured margin. Give one when
    /// the call is expected to revert, since estimation of a reverting call fails before anything is signed.
    /// </summary>
    public BigInteger? GasLimit { get; init; }

    /// <summary>Shows the intent id and a masked recipient; never the data.</summary>
    public override string ToString() =>
        $"TransactionIntent {IntentId} to {(To is { } to ? to.ToMaskedString() : "(deployment)")}";
}
