using System.Numerics;
using PaymentFunctions.Ethereum.Crypto;
using PaymentFunctions.KeyVault.Keys;

namespace PaymentFunctions.KeyVault.Tests.Signing;

/// <summary>
/// A vault client backed by an in-memory secp256k1 key that, like Key Vault, returns r||s without a
/// recovery id and without caring whether s is low or high.
/// </summary>
internal sealed class FakeVaultClient : KeyVaultKeyClient
{
    private readonly byte[] _privateKey;

    public FakeVaultClient(byte[] privateKey, string curve = KeyCurveName.P256K)
    {
        _privateKey = privateKey;
        byte[] publicKey = Secp256k1.GetPublicKey(privateKey);
        X = publicKey[..32];
        Y = publicKey[32..];
        Curve = curve;
    }

    public override Uri VaultUri { get; } = new("https://fake.vault.azure.net/");

    public byte[] X { get; set; }

    public byte[] Y { get; set; }

    public string Curve { get; }

    /// <summary>Return the high-s twin of every signature, as an HSM may.</summary>
    public bool ReturnHighS { get; set; }

    /// <summary>Sign with this key instead, as a vault gone wrong would.</summary>
    public byte[]? SignWith { get; set; }

    public int GetKeyCalls { get; private set; }

    public List<Uri> SignedWithKeyIds { get; } = [];

    public override Task<KeyVaultKey> GetKeyAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        GetKeyCalls++;
        var id = new Uri(VaultUri, $"keys/{name}/{version ?? "v7"}");
        var jwk = new JsonWebKey(id, KeyType.EcHsm, Curve, X, Y, ["sign", "verify"]);
        return Task.FromResult(new KeyVaultKey(name, version ?? "v7", jwk, true, null, null));
    }

    public override Task<SignResult> SignAsync(Uri keyId, string algorithm, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        SignedWithKeyIds.Add(keyId);
        EcdsaSignature signature = Secp256k1.Sign(digest.Span, SignWith ?? _privateKey);
        BigInteger s = ReturnHighS ? Secp256k1.N - signature.S : signature.S;
        byte[] raw = new byte[64];
        signature.R.TryWriteBytes(raw.AsSpan(32 - signature.R.GetByteCount(isUnsigned: true), 32), out _, isUnsigned: true, isBigEndian: true);
        s.TryWriteBytes(raw.AsSpan(64 - s.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return Task.FromResult(new SignResult(keyId, algorithm, raw));
    }
}
