using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.Durable.Replay;

/// <summary>RFC 4122 version 5 (SHA-1, name-based) UUIDs: the same name always gives the same id.</summary>
internal static class NameBasedGuid
{
    // The namespace Durable Task uses for NewGuid, so ids look alike across engines.
    private static readonly Guid DurableTaskNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name) => Create(DurableTaskNamespace, name);

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> namespaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(namespaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; no security depends on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
