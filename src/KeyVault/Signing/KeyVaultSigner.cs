using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Signer.Crypto;
using Org.BouncyCastle.Asn1.Sec;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Keys;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace PaymentFunctions.KeyVault.Signing;

/// <summary>
/// A Nethereum external signer whose private key never leaves Key Vault, so <c>Web3</c> (as an
/// <c>ExternalAccount</c>) and our transaction manager sign with it like with any account. The address comes from
/// the key's public JWK; each Keccak digest is signed by the vault with ES256K, then brought into Ethereum's form:
/// low s (EIP-2, which Nethereum does not enforce on external signatures) and a recovery id, which the vault does
/// not report and is chosen by recovering the vault's own public key.
/// </summary>
/// <remarks>
/// The first use pins the key version (the latest one when none is given), so the public key used for the
/// address and for recovery is always the one that signs, even if the key is rotated meanwhile.
/// </remarks>
public sealed class KeyVaultSigner : DigestSigner
{
    private const int CoordinateLength = 32;
    private static readonly BcBigInteger CurveOrder = SecNamedCurves.GetByName("secp256k1").N;

    private readonly KeyVaultKeyClient _client;
    private readonly string _keyName;
    private readonly string? _keyVersion;
    private Task<SigningKey>? _key;

    /// <summary>Creates a signer for one vault key.</summary>
    /// <param name="client">The vault client.</param>
    /// <param name="keyName">The name of an EC <c>P-256K</c> key.</param>
    /// <param name="keyVersion">A specific version; the latest at first use when null.</param>
    public KeyVaultSigner(KeyVaultKeyClient client, string keyName, string? keyVersion = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        _client = client;
        _keyName = keyName;
        _keyVersion = keyVersion;
    }

    /// <summary>The key's address (checksummed), from its public JWK.</summary>
    public override async Task<string> GetAddressAsync() => (await GetKeyAsync(CancellationToken.None).ConfigureAwait(false)).Address.ToString();

    /// <summary>Names the key only; no key material.</summary>
    public override string ToString() => $"KeyVaultSigner({_keyName})";

    /// <inheritdoc />
    protected override async Task<byte[]> GetPublicKeyAsync() => (await GetKeyAsync(CancellationToken.None).ConfigureAwait(false)).PublicKey;

    /// <inheritdoc />
    /// <exception cref="KeyVaultRequestFailedException">The vault refused to sign.</exception>
    /// <exception cref="InvalidOperationException">The vault's signature is malformed or does not recover to its own public key.</exception>
    protected override async Task<ECDSASignature> SignExternallyAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length != 32)
        {
            throw new ArgumentException("A digest to sign has 32 bytes (Keccak-256).", nameof(bytes));
        }

        SigningKey key = await GetKeyAsync(CancellationToken.None).ConfigureAwait(false);
        SignResult result = await _client.SignAsync(key.KeyId, SignatureAlgorithm.ES256K, bytes).ConfigureAwait(false);
        ReadOnlySpan<byte> signature = result.Signature.Span;
        if (signature.Length != 2 * CoordinateLength)
        {
            throw new InvalidOperationException($"Key Vault returned a {signature.Length}-byte ES256K signature; expected r||s of 64 bytes.");
        }

        var r = new BcBigInteger(1, signature[..CoordinateLength].ToArray());
        var s = new BcBigInteger(1, signature[CoordinateLength..].ToArray());
        if (r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(CurveOrder) >= 0 || s.CompareTo(CurveOrder) >= 0)
        {
            throw new InvalidOperationException("Key Vault returned an ES256K signature with r or s out of range.");
        }

        ECDSASignature lowS = new ECDSASignature(r, s).MakeCanonical();
        if (!RecoversTo(lowS, bytes, key.PublicKey))
        {
            throw new InvalidOperationException(
                $"Key Vault's signature with key '{_keyName}' recovers to no public key of that key under either recovery id; the vault signed with another key or returned a corrupt signature.");
        }

        return lowS;
    }

    // The base class picks the recovery id again from the same comparison; checking here turns its generic failure into ours.
    private static bool RecoversTo(ECDSASignature signature, byte[] digest, byte[] publicKey)
    {
        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            try
            {
                if (ECKey.RecoverFromSignature(recoveryId, signature, digest, compressed: false)?.GetPubKey(false) is { } recovered
                    && recovered.AsSpan().SequenceEqual(publicKey))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // r is no x coordinate on the curve for this recovery id.
            }
        }

        return false;
    }

    private Task<SigningKey> GetKeyAsync(CancellationToken cancellationToken)
    {
        Task<SigningKey>? current = Volatile.Read(ref _key);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // One shared lookup, not tied to any caller's token; a failed lookup is retried by the next caller.
            var fresh = LoadKeyAsync();
            current = Interlocked.CompareExchange(ref _key, fresh, current) == current ? fresh : Volatile.Read(ref _key)!;
        }

        return current.WaitAsync(cancellationToken);
    }

    private async Task<SigningKey> LoadKeyAsync()
    {
        KeyVaultKey key = await _client.GetKeyAsync(_keyName, _keyVersion, CancellationToken.None).ConfigureAwait(false);
        JsonWebKey jwk = key.Key;
        if (!KeyType.IsEllipticCurve(jwk.KeyType) || !string.Equals(jwk.CurveName, KeyCurveName.P256K, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Key '{_keyName}' is {jwk.KeyType} {jwk.CurveName}; an Ethereum signer needs an EC P-256K key.");
        }

        if (!key.Enabled)
        {
            throw new InvalidOperationException($"Key '{_keyName}' is disabled.");
        }

        if (jwk.X.Length is 0 or > CoordinateLength || jwk.Y.Length is 0 or > CoordinateLength)
        {
            throw new InvalidOperationException($"Key '{_keyName}' has malformed public coordinates.");
        }

        // 0x04||x||y, each coordinate left-padded to 32 bytes: the uncompressed point Nethereum recovers and compares.
        byte[] publicKey = new byte[1 + (2 * CoordinateLength)];
        publicKey[0] = 0x04;
        jwk.X.Span.CopyTo(publicKey.AsSpan(1 + CoordinateLength - jwk.X.Length));
        jwk.Y.Span.CopyTo(publicKey.AsSpan(1 + (2 * CoordinateLength) - jwk.Y.Length));
        return new SigningKey(jwk.Id, publicKey, Address.FromPublicKey(publicKey));
    }

    private sealed record SigningKey(Uri KeyId, byte[] PublicKey, Address Address);
}
