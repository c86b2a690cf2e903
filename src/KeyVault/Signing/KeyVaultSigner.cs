using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Keys;

namespace PaymentFunctions.KeyVault.Signing;

/// <summary>
/// An Ethereum signer whose private key never leaves Key Vault. The address comes from the key's public JWK;
/// each digest is signed by the vault with ES256K, then brought into Ethereum's form: low s (EIP-2) and the
/// recovery id, which the vault does not report and is found by recovering both candidates and matching the
/// vault's public key.
/// </summary>
/// <remarks>
/// The first use pins the key version (the latest one when none is given), so the public key used for the
/// address and for recovery is always the one that signs, even if the key is rotated meanwhile.
/// </remarks>
public sealed class KeyVaultSigner : IEthereumSigner
{
    private const int CoordinateLength = 32;

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

    /// <inheritdoc />
    public async ValueTask<Address> GetAddressAsync(CancellationToken cancellationToken = default)
    {
        SigningKey key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
        return key.Address;
    }

    /// <inheritdoc />
    /// <exception cref="KeyVaultRequestFailedException">The vault refused to sign.</exception>
    /// <exception cref="InvalidOperationException">The vault's signature does not match its own public key.</exception>
    public async ValueTask<EcdsaSignature> SignDigestAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("A digest to sign has 32 bytes (Keccak-256).", nameof(digest));
        }

        SigningKey key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
        SignResult result = await _client.SignAsync(key.KeyId, SignatureAlgorithm.ES256K, digest, cancellationToken).ConfigureAwait(false);

        ReadOnlySpan<byte> signature = result.Signature.Span;
        if (signature.Length != 2 * CoordinateLength)
        {
            throw new InvalidOperationException($"Key Vault returned a {signature.Length}-byte ES256K signature; expected r||s of 64 bytes.");
        }

        var r = new BigInteger(signature[..CoordinateLength], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(signature[CoordinateLength..], isUnsigned: true, isBigEndian: true);
        if (r.IsZero || s.IsZero || r >= Secp256k1.N || s >= Secp256k1.N)
        {
            throw new InvalidOperationException("Key Vault returned an ES256K signature with r or s out of range.");
        }

        (r, s) = Secp256k1.NormalizeLowS(r, s);
        int recoveryId;
        try
        {
            recoveryId = Secp256k1.FindRecoveryId(digest.Span, r, s, key.PublicKey);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Key Vault's signature does not verify against key '{_keyName}'.", e);
        }

        return new EcdsaSignature(r, s, recoveryId);
    }

    /// <summary>Names the key only; no key material.</summary>
    public override string ToString() => $"KeyVaultSigner({_keyName})";

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

        // x||y, each left-padded to 32 bytes: the form Ethereum hashes into an address.
        byte[] publicKey = new byte[2 * CoordinateLength];
        jwk.X.Span.CopyTo(publicKey.AsSpan(CoordinateLength - jwk.X.Length));
        jwk.Y.Span.CopyTo(publicKey.AsSpan(2 * CoordinateLength - jwk.Y.Length));
        return new SigningKey(jwk.Id, publicKey, Address.FromPublicKey(publicKey));
    }

    private sealed record SigningKey(Uri KeyId, byte[] PublicKey, Address Address);
}
