using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Signer.Crypto;
using PaymentFunctions.Ethereum.Addresses;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace PaymentFunctions.Ethereum.Signers;

/// <summary>
/// A Nethereum external signer holding its private key in process memory, so development accounts (anvil's)
/// go through exactly the signing path a Key Vault key does. Meant for development and tests; production keys
/// stay in Key Vault.
/// </summary>
/// <remarks><see cref="ToString"/> shows only the address; the key is never formatted.</remarks>
public sealed class LocalKeySigner : DigestSigner
{
    private readonly EthECKey _key;

    /// <summary>Creates a signer for a 32-byte private key (the bytes are copied).</summary>
    public LocalKeySigner(ReadOnlySpan<byte> privateKey)
    {
        _key = new EthECKey(privateKey.ToArray(), isPrivate: true);
        PublicKey = _key.GetPubKeyNoPrefix();
        Address = Address.FromPublicKey(PublicKey.Span);
    }

    /// <summary>The signer's address.</summary>
    public Address Address { get; }

    /// <summary>The signer's 64-byte uncompressed public key (x||y).</summary>
    public ReadOnlyMemory<byte> PublicKey { get; }

    /// <summary>Creates a signer from a hex private key, with or without "0x".</summary>
    /// <exception cref="FormatException">The text is not hexadecimal.</exception>
    public static LocalKeySigner FromHex(string privateKeyHex) => new(Hex.Decode(privateKeyHex));

    /// <summary>Creates a signer with a fresh random key.</summary>
    public static LocalKeySigner CreateRandom() => new(EthECKey.GenerateKey().GetPrivateKeyAsBytes());

    /// <inheritdoc />
    public override Task<string> GetAddressAsync() => Task.FromResult(Address.ToString());

    /// <summary>Shows the address only.</summary>
    public override string ToString() => $"LocalKeySigner({Address})";

    /// <inheritdoc />
    protected override Task<byte[]> GetPublicKeyAsync() => Task.FromResult(_key.GetPubKey());

    /// <inheritdoc />
    protected override Task<ECDSASignature> SignExternallyAsync(byte[] bytes)
    {
        // EthECKey signs deterministically (RFC 6979) and canonically (low s).
        var signature = _key.Sign(bytes);
        return Task.FromResult(new ECDSASignature(new BcBigInteger(1, signature.R), new BcBigInteger(1, signature.S)));
    }
}
