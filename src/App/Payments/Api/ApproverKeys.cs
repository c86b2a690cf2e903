using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>Turns an <c>x-approver-key</c> into the approver's name; the name, never the key, is what gets recorded.</summary>
internal static class ApproverKeys
{
    public const string HeaderName = "x-approver-key";

    /// <summary>The approver whose key is <paramref name="presented"/>, or null. Every key is compared in constant time.</summary>
    public static string? Identify(IReadOnlyDictionary<string, string> approvers, string presented)
    {
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, key) in approvers)
        {
            // Hashes have equal lengths, so the comparison time tells nothing about the keys; empty keys never match.
            if (!string.IsNullOrEmpty(key) && !string.IsNullOrWhiteSpace(name)
                && CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key))))
            {
                match = name.Trim();
            }
        }

        return match;
    }
}
