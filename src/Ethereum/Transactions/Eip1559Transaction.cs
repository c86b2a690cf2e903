using System.Numerics;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Rlp;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>
/// An EIP-1559 (type 2) transaction: the sender pays at most <see cref="MaxFeePerGas"/>, of which at most
/// <see cref="MaxPriorityFeePerGas"/> goes to the block producer, so fees can be raised for replacement
/// without guessing a single gas price.
/// </summary>
public sealed record Eip1559Transaction : Transaction
{
    /// <summary>The chain id the signature commits to.</summary>
    public required BigInteger ChainId { get; init; }

    /// <summary>Tip per gas for the block producer.</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>Maximum total fee per gas (base fee + tip).</summary>
    public required BigInteger MaxFeePerGas { get; init; }

    /// <summary>Optional EIP-2930 access list.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <inheritdoc/>
    public override TransactionType Type => TransactionType.Eip1559;

    /// <inheritdoc/>
    public override BigInteger? SigningChainId => ChainId;

    /// <inheritdoc/>
    public override byte[] GetSigningPayload() => Typed(RlpItem.List(Fields()).Encode());

    private protected override byte[] EncodeSigned(EcdsaSignature signature)
    {
        var fields = Fields();
        fields.Add(Integer(signature.RecoveryId));
        fields.Add(Integer(signature.R));
        fields.Add(Integer(signature.S));
        return Typed(RlpItem.List(fields).Encode());
    }

    private static byte[] Typed(byte[] payload)
    {
        var result = new byte[payload.Length + 1];
        result[0] = (byte)TransactionType.Eip1559;
        payload.CopyTo(result, 1);
        return result;
    }

    private List<RlpItem> Fields() =>
    [
        Integer(ChainId),
        Integer(Nonce),
        Integer(MaxPriorityFeePerGas),
        Integer(MaxFeePerGas),
        Integer(GasLimit),
        RlpItem.FromAddress(To),
        Integer(Value),
        RlpItem.FromBytes(Data.Span),
        RlpItem.List(AccessList.Select(e => RlpItem.List(
            RlpItem.FromAddress(e.Address),
            RlpItem.List(e.StorageKeys.Select(k => RlpItem.FromBytes(k)))))),
    ];
}
