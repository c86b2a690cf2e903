using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace PaymentFunctions.Ethereum.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak padding, not the NIST SHA3-256 one,
/// so the two give different digests for the same input.
/// </summary>
public static class Keccak256
{
    /// <summary>Size of a digest in bytes.</summary>
    public const int Size = 32;

    /// <summary>Hashes <paramref name="data"/> and returns the 32-byte digest.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data.ToArray(), 0, data.Length);
        var output = new byte[Size];
        digest.DoFinal(output, 0);
        return output;
    }

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/> (function and event signatures).</summary>
    public static byte[] HashUtf8(string text) => Hash(Encoding.UTF8.GetBytes(text));
}
