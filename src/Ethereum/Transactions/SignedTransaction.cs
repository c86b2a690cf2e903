using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>
/// A transaction with its signature and its raw encoding, the exact bytes for <c>eth_sendRawTransaction</c>.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _raw;

    internal SignedTransaction(Transaction transaction, EcdsaSignature signature, byte[] raw)
    {
        Transaction = transaction;
        Signature = signature;
        _raw = raw;
        Hash = Keccak256.Hash(raw);
    }

    /// <summary>The unsigned transaction.</summary>
    public Transaction Transaction { get; }

    /// <summary>The signature.</summary>
    public EcdsaSignature Signature { get; }

    /// <summary>The raw encoding.</summary>
    public ReadOnlyMemory<byte> Raw => _raw;

    /// <summary>The raw encoding as "0x" hex.</summary>
    public string RawHex => Hex.Encode(_raw);

    /// <summary>The transaction hash: Keccak-256 of the raw encoding.</summary>
    public ReadOnlyMemory<byte> Hash { get; }

    /// <summary>The transaction hash as "0x" hex, as nodes report it.</summary>
    public string HashHex => Hex.Encode(Hash.Span);

    /// <summary>Recovers the sender from the signature.</summary>
    public Address RecoverSender() =>
        Address.FromPublicKey(Secp256k1.RecoverPublicKey(Transaction.GetSigningHash(), Signature));

    /// <summary>Decodes a raw transaction; see <see cref="TransactionDecoder.Decode"/>.</summary>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw) => TransactionDecoder.Decode(raw);

    /// <summary>Shows the type and hash.</summary>
    public override string ToString() => $"{Transaction.Type} transaction {HashHex}";
}
