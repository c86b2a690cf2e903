using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace PaymentFunctions.LocalStack.KeyVault;

/// <summary>
/// One version of an emulated key. The private key stays inside this object, as it would inside an HSM.
/// </summary>
internal sealed class EmulatedKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    public EmulatedKey(string name, string version, string keyType, IReadOnlyList<string> keyOperations, DateTimeOffset created)
    {
        Name = name;
        Version = version;
        KeyType = keyType;
        KeyOperations = keyOperations;
        Created = created;
        _ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));
    }

    public string Name { get; }

    public string Version { get; }

    public string KeyType { get; }

    public IReadOnlyList<string> KeyOperations { get; }

    public DateTimeOffset Created { get; }

    public string KeyId(Uri vaultUri) => $"{vaultUri.GetLeftPart(UriPartial.Authority)}/keys/{Name}/{Version}";

    /// <summary>Signs a digest as Key Vault does: r‖s, random nonce, s not normalized.</summary>
    public byte[] SignDigest(ReadOnlySpan<byte> digest) =>
        _ecdsa.SignHash(digest.ToArray(), DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Verifies an r‖s signature of a digest with this key's public part.</summary>
    public bool VerifyDigest(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature) =>
        _ecdsa.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Writes a list item: the identifier (versionless when listing keys) and attributes, no key material.</summary>
    public void WriteItem(Utf8JsonWriter writer, Uri vaultUri, bool versioned)
    {
        writer.WriteStartObject();
        writer.WriteString("kid", versioned ? KeyId(vaultUri) : $"{vaultUri.GetLeftPart(UriPartial.Authority)}/keys/{Name}");
        WriteAttributes(writer);
        writer.WriteEndObject();
    }

    public void WriteBundle(Utf8JsonWriter writer, Uri vaultUri)
    {
        ECParameters parameters = _ecdsa.ExportParameters(includePrivateParameters: false);
        writer.WriteStartObject();
        writer.WriteStartObject("key");
        writer.WriteString("kid", KeyId(vaultUri));
        writer.WriteString("kty", KeyType);
        writer.WriteStartArray("key_ops");
        foreach (string operation in KeyOperations)
        {
            writer.WriteStringValue(operation);
        }

        writer.WriteEndArray();
        writer.WriteString("crv", "P-256K");
        writer.WriteString("x", Base64Url.EncodeToString(parameters.Q.X));
        writer.WriteString("y", Base64Url.EncodeToString(parameters.Q.Y));
        writer.WriteEndObject();
        WriteAttributes(writer);
        writer.WriteEndObject();
    }

    private void WriteAttributes(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("attributes");
        writer.WriteBoolean("enabled", true);
        writer.WriteNumber("created", Created.ToUnixTimeSeconds());
        writer.WriteNumber("updated", Created.ToUnixTimeSeconds());
        writer.WriteString("recoveryLevel", "Recoverable+Purgeable");
        writer.WriteNumber("recoverableDays", 90);
        writer.WriteEndObject();
    }

    public void Dispose() => _ecdsa.Dispose();

    public override string ToString() => $"EmulatedKey({Name}/{Version})";
}
