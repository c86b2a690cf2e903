using System.Numerics;

namespace PaymentFunctions.Ethereum.Crypto;

/// <summary>
/// A secp256k1 signature with the recovery id that lets a verifier rebuild the signer's public key,
/// which is how Ethereum identifies the sender of a transaction.
/// </summary>
/// <param name="R">The r value.</param>
/// <param name="S">The s value; signers in this library always return the low-s form (EIP-2).</param>
/// <param name="RecoveryId">0 or 1: the parity of the y coordinate of the nonce point R.</param>
public sealed record EcdsaSignature(BigInteger R, BigInteger S, int RecoveryId)
{
    /// <summary>Length of the compact r||s||v form.</summary>
    public const int CompactLength = 65;

    /// <summary>
    /// The 65-byte r||s||v form. <paramref name="vOffset"/> is added to the recovery id:
    /// 27 for personal_sign / ecrecover style, 0 for the raw recovery id.
    /// </summary>
    public byte[] ToCompact(int vOffset = 27)
    {
        var result = new byte[CompactLength];
        Hex.ToBytes(R, 32).CopyTo(result, 0);
        Hex.ToBytes(S, 32).CopyTo(result, 32);
        result[64] = checked((byte)(RecoveryId + vOffset));
        return result;
    }

    /// <summary>Reads the 65-byte r||s||v form; v may be 0/1 or 27/28.</summary>
    public static EcdsaSignature FromCompact(ReadOnlySpan<byte> compact)
    {
        if (compact.Length != CompactLength)
        {
            throw new ArgumentException("A compact signature has 65 bytes.", nameof(compact));
        }

        int v = compact[64];
        var recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is not (0 or 1))
        {
            throw new ArgumentException($"Unsupported v value {v}.", nameof(compact));
        }

        return new EcdsaSignature(Hex.ToBigInteger(compact[..32]), Hex.ToBigInteger(compact[32..64]), recoveryId);
    }
}
