using Nethereum.Signer;
using Org.BouncyCastle.Asn1.Sec;
using PaymentFunctions.KeyVault.Keys;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace PaymentFunctions.KeyVault.Tests.Signing;

/// <summary>
/// A vault client backed by an in-memory secp256k1 key that, like Key Vault, returns r||s without a
/// recovery id and without caring whether s is low or high.
/// </summary>
internal sealed class FakeVaultClient : KeyVaultKeyClient
{
    private static readonly BcBigInteger CurveOrder = SecNamedCurves.GetByName("secp256k1").N;
    private readonly byte[] _privateKey;

    public FakeVaultClient(byte[] privateKey, string curve = KeyCurveName.P256K)
    {
        _privateKey = privateKey;
        byte[] publicKey = new EthECKey(privateKey, isPrivate: true).GetPubKeyNoPrefix();
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
        EthECDSASignature signature = new EthECKey(SignWith ?? _privateKey, isPrivate: true).Sign(digest.ToArray());
        var r = new BcBigInteger(1, signature.R);
        var s = new BcBigInteger(1, signature.S);
        if (ReturnHighS)
        {
            s = CurveOrder.Subtract(s);
        }

        byte[] raw = new byte[64];
        byte[] rBytes = r.ToByteArrayUnsigned();
        byte[] sBytes = s.ToByteArrayUnsigned();
        rBytes.CopyTo(raw, 32 - rBytes.Length);
        sBytes.CopyTo(raw, 64 - sBytes.Length);
        return Task.FromResult(new SignResult(keyId, algorithm, raw));
    }
}
