using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Rlp;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.Ethereum.Transactions;

/// <summary>
/// An unsigned transaction. Signing produces a <see cref="SignedTransaction"/> whose raw bytes are what
/// is sent and stored, so a re-send after a crash is byte-for-byte the same transaction.
/// </summary>
public abstract record Transaction
{
    /// <summary>The sender's nonce.</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>The gas limit.</summary>
    public required BigInteger GasLimit { get; init; }

    /// <summary>The recipient, or null to create a contract.</summary>
    public Address? To { get; init; }

    /// <summary>Wei transferred.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or init code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>The EIP-2718 type.</summary>
    public abstract TransactionType Type { get; }

    /// <summary>The chain id the signature commits to, or null for a pre-EIP-155 legacy transaction.</summary>
    public abstract BigInteger? SigningChainId { get; }

    /// <summary>The bytes whose Keccak-256 is signed.</summary>
    public abstract byte[] GetSigningPayload();

    /// <summary>The 32-byte digest the sender signs.</summary>
    public byte[] GetSigningHash() => Keccak256.Hash(GetSigningPayload());

    /// <summary>Attaches a signature made over <see cref="GetSigningHash"/>.</summary>
    public SignedTransaction WithSignature(EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.RecoveryId is not (0 or 1))
        {
            throw new ArgumentException("The recovery id must be 0 or 1.", nameof(signature));
        }

        if (signature.S > Secp256k1.N / 2)
        {
            throw new ArgumentException("High-s signatures are invalid on Ethereum (EIP-2); normalize first.", nameof(signature));
        }

        return new SignedTransaction(this, signature, EncodeSigned(signature));
    }

    /// <summary>Signs with <paramref name="signer"/> and attaches the signature.</summary>
    public async ValueTask<SignedTransaction> SignAsync(IEthereumSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var signature = await signer.SignDigestAsync(GetSigningHash(), cancellationToken).ConfigureAwait(false);
        return WithSignature(signature);
    }

    /// <summary>Builds the raw signed encoding.</summary>
    private protected abstract byte[] EncodeSigned(EcdsaSignature signature);

    private protected static RlpItem Integer(BigInteger value) => RlpItem.FromInteger(value);
}
