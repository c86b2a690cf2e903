using System.Globalization;

namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>
/// Azurite connection strings. They name every endpoint explicitly, because a server on free ports cannot be
/// reached through the <c>UseDevelopmentStorage=true</c> shorthand, which always means ports 10000–10002.
/// </summary>
public static class AzuriteConnectionString
{
    /// <summary>Azurite's well-known account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known key for <see cref="AccountName"/> (public; it protects nothing).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The shorthand the Functions tooling writes into <c>local.settings.json</c>.</summary>
    public const string DevelopmentStorageShorthand = "UseDevelopmentStorage=true";

    /// <summary>What <see cref="DevelopmentStorageShorthand"/> means: Azurite on its default ports.</summary>
    public static string DevelopmentStorage { get; } = For(10000, 10001, 10002);

    /// <summary>The explicit connection string for an Azurite on 127.0.0.1 and these ports.</summary>
    public static string For(int blobPort, int queuePort, int tablePort) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};"
            + $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");

    /// <summary>
    /// Returns <paramref name="connectionString"/> unchanged unless it is <see cref="DevelopmentStorageShorthand"/>
    /// (any case, optional trailing semicolon), which becomes <see cref="DevelopmentStorage"/>, so that code which
    /// reads endpoints out of the string, and anyone reading a log, sees where storage really is.
    /// </summary>
    public static string Resolve(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var trimmed = connectionString.Trim().TrimEnd(';').Replace(" ", string.Empty, StringComparison.Ordinal);
        return string.Equals(trimmed, DevelopmentStorageShorthand, StringComparison.OrdinalIgnoreCase)
            ? DevelopmentStorage
            : connectionString;
    }
}
