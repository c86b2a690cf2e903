namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// A parsed key identifier, <c>{vault}/keys/{name}[/{version}]</c>.
/// </summary>
internal readonly record struct KeyIdentifier(Uri VaultUri, string Name, string? Version)
{
    public static KeyIdentifier Parse(Uri id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.IsAbsoluteUri)
        {
            throw new ArgumentException("A key identifier must be an absolute URI.", nameof(id));
        }

        string[] segments = id.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 2 or > 3 || !string.Equals(segments[0], "keys", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{id}' is not a Key Vault key identifier.", nameof(id));
        }

        var vault = new Uri(id.GetLeftPart(UriPartial.Authority));
        return new KeyIdentifier(vault, Uri.UnescapeDataString(segments[1]), segments.Length == 3 ? Uri.UnescapeDataString(segments[2]) : null);
    }
}
