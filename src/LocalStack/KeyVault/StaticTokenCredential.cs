using Azure.Core;

namespace PaymentFunctions.LocalStack.KeyVault;

/// <summary>
/// A credential that always hands out the same bearer token. The Key Vault emulator accepts any bearer
/// token, so local runs and tests need no identity provider.
/// </summary>
public sealed class StaticTokenCredential : TokenCredential
{
    private readonly AccessToken _token;

    /// <summary>Creates the credential.</summary>
    /// <param name="token">The token to present; it is never logged.</param>
    public StaticTokenCredential(string token = "local-emulator-token")
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = new AccessToken(token, DateTimeOffset.MaxValue);
    }

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc />
    public override string ToString() => "StaticTokenCredential(***)";
}
