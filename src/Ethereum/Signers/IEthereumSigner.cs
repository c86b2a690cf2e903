using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;

namespace PaymentFunctions.Ethereum.Signers;

/// <summary>
/// Signs digests for one Ethereum account. Implementations keep the key wherever it lives
/// (memory for development, an HSM in production); callers only ever see signatures.
/// </summary>
public interface IEthereumSigner
{
    /// <summary>The account this signer signs for.</summary>
    ValueTask<Address> GetAddressAsync(CancellationToken cancellationToken = default);

    /// <summary>Signs a 32-byte digest; returns low-s (r, s, recoveryId).</summary>
    ValueTask<EcdsaSignature> SignDigestAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default);
}
