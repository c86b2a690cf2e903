using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;
using BigInteger = System.Numerics.BigInteger;

namespace PaymentFunctions.Ethereum.Crypto;

/// <summary>
/// The secp256k1 operations Ethereum needs: deterministic signing, low-s normalization,
/// public-key recovery and the recovery id that makes a signature self-identifying.
/// </summary>
/// <remarks>
/// Public keys are the 64-byte uncompressed x||y form (no 0x04 prefix), as Ethereum hashes them.
/// Signatures come from RFC 6979, so signing the same digest with the same key always gives the
/// same signature; a retried transaction is then byte-for-byte the same.
/// </remarks>
public static class Secp256k1
{
    /// <summary>Length of a private key in bytes.</summary>
    public const int PrivateKeyLength = 32;

    /// <summary>Length of an uncompressed public key without its 0x04 prefix.</summary>
    public const int PublicKeyLength = 64;

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    /// <summary>The group order n.</summary>
    public static BigInteger N { get; } = ToSystem(Curve.N);

    private static BigInteger HalfN { get; } = N >> 1;

    /// <summary>Signs a 32-byte digest with RFC 6979 nonces; returns the low-s signature and its recovery id.</summary>
    public static EcdsaSignature Sign(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> privateKey)
    {
        RequireDigest(digest);
        var d = ToPrivateScalar(privateKey);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var digestArray = digest.ToArray();
        var rs = signer.GenerateSignature(digestArray);
        var (r, s) = NormalizeLowS(ToSystem(rs[0]), ToSystem(rs[1]));
        var publicKey = GetPublicKey(d);
        var recoveryId = FindRecoveryId(digest, r, s, publicKey);
        return new EcdsaSignature(r, s, recoveryId);
    }

    /// <summary>Returns the 64-byte public key of a 32-byte private key.</summary>
    public static byte[] GetPublicKey(ReadOnlySpan<byte> privateKey) => GetPublicKey(ToPrivateScalar(privateKey));

    /// <summary>
    /// Replaces s by n - s when s is in the upper half of the order: Ethereum (EIP-2) rejects
    /// high-s signatures, and HSMs such as Key Vault return either form.
    /// </summary>
    public static (BigInteger R, BigInteger S) NormalizeLowS(BigInteger r, BigInteger s)
    {
        return (r, s > HalfN ? N - s : s);
    }

    /// <summary>
    /// Finds the recovery id (0 or 1) for which <see cref="RecoverPublicKey(ReadOnlySpan{byte}, BigInteger, BigInteger, int)"/> yields <paramref name="publicKey"/>;
    /// needed when the signature comes from a signer that does not report it (e.g. Key Vault).
    /// </summary>
    /// <exception cref="ArgumentException">The signature does not belong to that key and digest.</exception>
    public static int FindRecoveryId(ReadOnlySpan<byte> digest, BigInteger r, BigInteger s, ReadOnlySpan<byte> publicKey)
    {
        RequirePublicKey(publicKey);
        for (var id = 0; id < 2; id++)
        {
            var recovered = TryRecover(digest, r, s, id);
            if (recovered is not null && publicKey.SequenceEqual(recovered))
            {
                return id;
            }
        }

        throw new ArgumentException("The signature was not made by this public key over this digest.", nameof(publicKey));
    }

    /// <summary>Recovers the 64-byte public key that made (r, s) over <paramref name="digest"/>.</summary>
    /// <exception cref="ArgumentException">No public key corresponds to these values.</exception>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> digest, BigInteger r, BigInteger s, int recoveryId) =>
        TryRecover(digest, r, s, recoveryId)
        ?? throw new ArgumentException("No public key can be recovered from this signature.", nameof(recoveryId));

    /// <summary>Recovers the public key from a signature with its recovery id.</summary>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> digest, EcdsaSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return RecoverPublicKey(digest, signature.R, signature.S, signature.RecoveryId);
    }

    /// <summary>Verifies (r, s) over <paramref name="digest"/> against a 64-byte public key.</summary>
    public static bool Verify(ReadOnlySpan<byte> digest, BigInteger r, BigInteger s, ReadOnlySpan<byte> publicKey)
    {
        RequireDigest(digest);
        RequirePublicKey(publicKey);
        if (r.Sign <= 0 || r >= N || s.Sign <= 0 || s >= N)
        {
            return false;
        }

        var encoded = new byte[65];
        encoded[0] = 0x04;
        publicKey.CopyTo(encoded.AsSpan(1));
        ECPoint q;
        try
        {
            q = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(q, Domain));
        return verifier.VerifySignature(digest.ToArray(), ToBouncy(r), ToBouncy(s));
    }

    private static byte[]? TryRecover(ReadOnlySpan<byte> digest, BigInteger r, BigInteger s, int recoveryId)
    {
        RequireDigest(digest);
        if (recoveryId is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(recoveryId), "Recovery id must be between 0 and 3.");
        }

        if (r.Sign <= 0 || r >= N || s.Sign <= 0 || s >= N)
        {
            return null;
        }

        // SEC 1 v2, section 4.1.6.
        var n = Curve.N;
        var x = ToBouncy(r).Add(BcBigInteger.ValueOf(recoveryId / 2).Multiply(n));
        var prime = Curve.Curve.Field.Characteristic;
        if (x.CompareTo(prime) >= 0)
        {
            return null;
        }

        var compressed = new byte[33];
        compressed[0] = (byte)((recoveryId & 1) == 1 ? 0x03 : 0x02);
        var xBytes = x.ToByteArrayUnsigned();
        xBytes.CopyTo(compressed, 33 - xBytes.Length);
        ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var e = new BcBigInteger(1, digest.ToArray());
        var rInv = ToBouncy(r).ModInverse(n);
        var eInvRInv = e.Negate().Mod(n).Multiply(rInv).Mod(n);
        var sRInv = ToBouncy(s).Multiply(rInv).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, eInvRInv, bigR, sRInv).Normalize();
        if (q.IsInfinity)
        {
            return null;
        }

        return q.GetEncoded(false)[1..];
    }

    private static byte[] GetPublicKey(BcBigInteger d) => Curve.G.Multiply(d).Normalize().GetEncoded(false)[1..];

    private static BcBigInteger ToPrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
        {
            throw new ArgumentException("A private key has 32 bytes.", nameof(privateKey));
        }

        var d = new BcBigInteger(1, privateKey.ToArray());
        if (d.SignValue <= 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new ArgumentException("The private key is outside the curve order.", nameof(privateKey));
        }

        return d;
    }

    private static void RequireDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException("A digest has 32 bytes.", nameof(digest));
        }
    }

    private static void RequirePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException("A public key has 64 bytes (uncompressed x||y).", nameof(publicKey));
        }
    }

    private static BcBigInteger ToBouncy(BigInteger value) =>
        new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));

    private static BigInteger ToSystem(BcBigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);
}
