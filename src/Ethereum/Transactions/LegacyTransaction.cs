using System.Numerics;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Rlp;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>
/// A legacy transaction with a single gas price. With <see cref="ChainId"/> set it uses EIP-155
/// replay protection (v = recoveryId + 35 + 2 * chainId); without, v is 27 or 28.
/// </summary>
public sealed record LegacyTransaction : Transaction
{
    /// <summary>Wei per gas.</summary>
    public required BigInteger GasPrice { get; init; }

    /// <summary>The chain id (EIP-155), or null for an unprotected transaction.</summary>
    public BigInteger? ChainId { get; init; }

    /// <inheritdoc/>
    public override TransactionType Type => TransactionType.Legacy;

    /// <inheritdoc/>
    public override BigInteger? SigningChainId => ChainId;

    /// <inheritdoc/>
    public override byte[] GetSigningPayload()
    {
        var fields = Fields();
        if (ChainId is { } chainId)
        {
            fields.Add(Integer(chainId));
            fields.Add(RlpItem.Empty);
            fields.Add(RlpItem.Empty);
        }

        return RlpItem.List(fields).Encode();
    }

    /// <summary>The v value for a recovery id under this transaction's replay protection.</summary>
    public BigInteger GetV(int recoveryId) => ChainId is { } chainId ? recoveryId + 35 + (2 * chainId) : recoveryId + 27;

    private protected override byte[] EncodeSigned(EcdsaSignature signature)
    {
        var fields = Fields();
        fields.Add(Integer(GetV(signature.RecoveryId)));
        fields.Add(Integer(signature.R));
        fields.Add(Integer(signature.S));
        return RlpItem.List(fields).Encode();
    }

    private List<RlpItem> Fields() =>
    [
        Integer(Nonce),
        Integer(GasPrice),
        Integer(GasLimit),
        RlpItem.FromAddress(To),
        Integer(Value),
        RlpItem.FromBytes(Data.Span),
    ];
}
