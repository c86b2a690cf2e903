using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;

namespace PaymentFunctions.Ethereum.Signers;

/// <summary>
/// A signer holding its private key in process memory. Meant for development and tests
/// (e.g. anvil's dev accounts); production keys stay in Key Vault.
/// </summary>
/// <remarks><see cref="ToString"/> shows only the address; the key is never formatted.</remarks>
public sealed class LocalKeySigner : IEthereumSigner
{
    private readonly byte[] _privateKey;

    /// <summary>Creates a signer for a 32-byte private key (the bytes are copied).</summary>
    public LocalKeySigner(ReadOnlySpan<byte> privateKey)
    {
        _privateKey = privateKey.ToArray();
        PublicKey = Secp256k1.GetPublicKey(_privateKey);
        Address = Address.FromPublicKey(PublicKey.Span);
    }

    /// <summary>The signer's address.</summary>
    public Address Address { get; }

    /// <summary>The signer's 64-byte uncompressed public key.</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Creates a signer from a hex private key, with or without "0x".</summary>
    /// <exception cref="FormatException">The text is not hexadecimal.</exception>
    public static LocalKeySigner FromHex(string privateKeyHex) => new(Hex.Decode(privateKeyHex));

    /// <summary>Creates a signer with a fresh random key.</summary>
    public static LocalKeySigner CreateRandom()
    {
        while (true)
        {
            var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Secp256k1.PrivateKeyLength);
            var scalar = Hex.ToBigInteger(key);
            if (!scalar.IsZero && scalar < Secp256k1.N)
            {
                return new LocalKeySigner(key);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<Address> GetAddressAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Address);

    /// <inheritdoc/>
    public ValueTask<EcdsaSignature> SignDigestAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Secp256k1.Sign(digest.Span, _privateKey));
    }

    /// <summary>Shows the address only.</summary>
    public override string ToString() => $"LocalKeySigner({Address})";
}
