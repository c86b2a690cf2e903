using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.Banking.Juno;

/// <summary>
/// Turns an orchestration-derived key (<c>{instanceId}:{taskSequenceId}</c>) into the UUID Juno expects in
/// <c>X-Idempotency-Key</c>. Name-based (UUID v5, SHA-1), so every retry of the same step sends the same UUID.
/// </summary>
public static class JunoIdempotencyKey
{
    // Fixed namespace for PaymentFunctions' Juno keys; changing it would break idempotency across deployments.
    private static readonly Guid Namespace = new("9b6f4d6e-2f7a-4c1e-9a51-5c0f1f3a7d21");

    /// <summary>The UUID for <paramref name="stepKey"/>; equal inputs give equal UUIDs.</summary>
    public static string From(string stepKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(stepKey);
        return NameBasedUuid(Namespace, stepKey);
    }

    /// <summary>The UUID for one step of an orchestration.</summary>
    public static string From(string instanceId, int taskSequenceId) =>
        From(instanceId + ":" + taskSequenceId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>RFC 9562 UUID version 5 of <paramref name="nameText"/> in <paramref name="namespaceId"/>.</summary>
    internal static string NameBasedUuid(Guid namespaceId, string nameText)
    {
        var name = Encoding.UTF8.GetBytes(nameText);
        var ns = namespaceId.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + name.Length];
        ns.CopyTo(input, 0);
        name.CopyTo(input, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for name-based UUID v5; it is not used for security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
