using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PaymentFunctions.KeyVault.Keys.Wire;

namespace PaymentFunctions.KeyVault.Keys;

/// <summary>
/// A small client for the Key Vault keys REST API: what signing with a vault-held key needs (create an EC key,
/// read its public JWK by name or version, list keys and versions, sign and verify a digest). It exists because the Key Vault Keys SDK
/// cannot be restored here; it uses the same Azure.Core pipeline, so retries, diagnostics and
/// credentials behave as in the SDK.
/// </summary>
public partial class KeyVaultKeyClient
{
    /// <summary>The OAuth scope for Key Vault data-plane requests.</summary>
    public const string Scope = "https://vault.azure.net/.default";

    private readonly HttpPipeline _pipeline = null!;
    private readonly string _apiVersion = KeyVaultKeyClientOptions.DefaultApiVersion;

    /// <summary>Creates a client for one vault.</summary>
    /// <param name="vaultUri">The vault, e.g. <c>https://myvault.vault.azure.net/</c>.</param>
    /// <param name="credential">Supplies bearer tokens for <see cref="Scope"/>.</param>
    /// <param name="options">Pipeline options; defaults when null.</param>
    public KeyVaultKeyClient(Uri vaultUri, TokenCredential credential, KeyVaultKeyClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new KeyVaultKeyClientOptions();

        VaultUri = new Uri(vaultUri.GetLeftPart(UriPartial.Authority));
        _apiVersion = options.ApiVersion;

        // Per retry, so a retried request gets a fresh token. Azure.Core refuses to put a bearer
        // token on a non-https request, which is the behaviour we want against a real vault too.
        _pipeline = HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, Scope)],
            new ResponseClassifier());
    }

    /// <summary>For mocking.</summary>
    protected KeyVaultKeyClient()
    {
        VaultUri = null!;
    }

    /// <summary>The vault this client talks to.</summary>
    public virtual Uri VaultUri { get; }

    /// <summary>Reads a key's public JWK and attributes; the latest version when <paramref name="version"/> is null.</summary>
    /// <exception cref="KeyVaultRequestFailedException">The vault refused, e.g. 404 <c>KeyNotFound</c>.</exception>
    public virtual async Task<KeyVaultKey> GetKeyAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        using HttpMessage message = CreateMessage(RequestMethod.Get, name, version ?? string.Empty);
        KeyBundleDto bundle = await SendAsync(message, KeyVaultJsonContext.Default.KeyBundleDto, cancellationToken).ConfigureAwait(false);
        return ToKey(bundle);
    }

    /// <summary>Creates a new elliptic-curve signing key, or a new version of an existing one.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="curve">The curve; <see cref="KeyCurveName.P256K"/> for Ethereum.</param>
    /// <param name="hardwareProtected">Ask for an HSM key (<c>EC-HSM</c>); needs a Premium vault or Managed HSM.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<KeyVaultKey> CreateEcKeyAsync(
        string name,
        string curve = KeyCurveName.P256K,
        bool hardwareProtected = false,
        CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(curve);

        using HttpMessage message = CreateMessage(RequestMethod.Post, name, "create");
        var body = new KeyCreateRequestDto(hardwareProtected ? KeyType.EcHsm : KeyType.Ec, curve, ["sign", "verify"]);
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, KeyVaultJsonContext.Default.KeyCreateRequestDto));
        KeyBundleDto bundle = await SendAsync(message, KeyVaultJsonContext.Default.KeyBundleDto, cancellationToken).ConfigureAwait(false);
        return ToKey(bundle);
    }

    /// <summary>
    /// Signs a precomputed digest with the key version named by <paramref name="keyId"/>. Key Vault does not hash:
    /// the caller hashes (for Ethereum, Keccak-256) and passes the 32-byte digest.
    /// </summary>
    /// <param name="keyId">A versioned key identifier (<c>kid</c>) in this client's vault.</param>
    /// <param name="algorithm">The algorithm, e.g. <see cref="SignatureAlgorithm.ES256K"/>.</param>
    /// <param name="digest">The digest to sign.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public virtual async Task<SignResult> SignAsync(Uri keyId, string algorithm, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        KeyIdentifier id = ParseVersionedKeyId(keyId);

        using HttpMessage message = CreateMessage(RequestMethod.Post, id.Name, id.Version!, "sign");
        var body = new KeySignRequestDto(algorithm, Base64Url.EncodeToString(digest.Span));
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, KeyVaultJsonContext.Default.KeySignRequestDto));
        KeyOperationResultDto result = await SendAsync(message, KeyVaultJsonContext.Default.KeyOperationResultDto, cancellationToken).ConfigureAwait(false);

        if (result.Value is null)
        {
            throw new InvalidOperationException("Key Vault returned a sign result without a value.");
        }

        return new SignResult(result.Kid is null ? keyId : new Uri(result.Kid), algorithm, Base64Url.DecodeFromChars(result.Value));
    }

    /// <summary>
    /// Asks the vault whether <paramref name="signature"/> is a valid signature of <paramref name="digest"/> by the key
    /// version named by <paramref name="keyId"/>. Ethereum signatures are usually checked by recovery instead; this is
    /// for callers holding only a key reference.
    /// </summary>
    /// <returns>True when the vault verified the signature.</returns>
    public virtual async Task<bool> VerifyAsync(Uri keyId, string algorithm, ReadOnlyMemory<byte> digest, ReadOnlyMemory<byte> signature, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(algorithm);
        KeyIdentifier id = ParseVersionedKeyId(keyId);
        using HttpMessage message = CreateMessage(RequestMethod.Post, id.Name, id.Version!, "verify");
        var body = new KeyVerifyRequestDto(algorithm, Base64Url.EncodeToString(digest.Span), Base64Url.EncodeToString(signature.Span));
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, KeyVaultJsonContext.Default.KeyVerifyRequestDto));
        KeyVerifyResultDto result = await SendAsync(message, KeyVaultJsonContext.Default.KeyVerifyResultDto, cancellationToken).ConfigureAwait(false);
        return result.Value ?? throw new InvalidOperationException("Key Vault returned a verify result without a value.");
    }

    /// <summary>Lists the vault's keys (versionless identifiers and attributes), page by page as the vault's <c>nextLink</c> leads.</summary>
    /// <param name="maxResults">Page size, 1 to 25; the vault's default (25) when null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public virtual AsyncPageable<KeyVaultKeyProperties> GetPropertiesOfKeysAsync(int? maxResults = null, CancellationToken cancellationToken = default) =>
        new KeyPropertiesPageable((next, hint, token) => GetPageAsync(next, [], hint ?? maxResults, token), cancellationToken);

    /// <summary>Lists every version of key <paramref name="name"/>, page by page as the vault's <c>nextLink</c> leads.</summary>
    /// <param name="name">The key name.</param>
    /// <param name="maxResults">Page size, 1 to 25; the vault's default (25) when null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public virtual AsyncPageable<KeyVaultKeyProperties> GetPropertiesOfKeyVersionsAsync(string name, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        return new KeyPropertiesPageable((next, hint, token) => GetPageAsync(next, [name, "versions"], hint ?? maxResults, token), cancellationToken);
    }

    private async Task<Page<KeyVaultKeyProperties>> GetPageAsync(string? nextLink, string[] path, int? maxResults, CancellationToken cancellationToken)
    {
        if (maxResults is < 1 or > 25)
        {
            throw new ArgumentOutOfRangeException(nameof(maxResults), maxResults, "Key Vault pages hold 1 to 25 results.");
        }

        HttpMessage message;
        if (nextLink is null)
        {
            message = CreateMessage(RequestMethod.Get, path);
            if (maxResults is int size)
            {
                message.Request.Uri.AppendQuery("maxresults", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else
        {
            // The bearer token must only ever go to the vault this client was built for, whatever a response links to.
            var next = new Uri(nextLink, UriKind.Absolute);
            if (Uri.Compare(next, VaultUri, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new InvalidOperationException($"Key Vault returned a next page link outside vault '{VaultUri}'.");
            }

            message = CreateMessage(RequestMethod.Get);
            message.Request.Uri.Reset(next);
        }

        using (message)
        {
            KeyListResultDto result = await SendAsync(message, KeyVaultJsonContext.Default.KeyListResultDto, cancellationToken).ConfigureAwait(false);
            var items = (result.Value ?? []).Select(ToProperties).ToArray();
            return Page<KeyVaultKeyProperties>.FromValues(items, string.IsNullOrEmpty(result.NextLink) ? null : result.NextLink, message.Response);
        }
    }

    private static KeyVaultKeyProperties ToProperties(KeyItemDto item)
    {
        var kid = new Uri(item.Kid ?? throw new InvalidOperationException("Key Vault listed a key without kid."));
        KeyIdentifier id = KeyIdentifier.Parse(kid);
        KeyAttributesDto? attributes = item.Attributes;
        return new KeyVaultKeyProperties(
            kid,
            id.Name,
            id.Version,
            attributes?.Enabled ?? true,
            attributes?.Created is long created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
            attributes?.Updated is long updated ? DateTimeOffset.FromUnixTimeSeconds(updated) : null,
            item.Managed ?? false);
    }

    private KeyIdentifier ParseVersionedKeyId(Uri keyId)
    {
        KeyIdentifier id = KeyIdentifier.Parse(keyId);

        // The bearer token must only ever go to the vault this client was built for.
        if (Uri.Compare(id.VaultUri, VaultUri, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new ArgumentException($"Key '{keyId}' does not belong to vault '{VaultUri}'.", nameof(keyId));
        }

        if (id.Version is null)
        {
            throw new ArgumentException("This operation needs a versioned key identifier.", nameof(keyId));
        }

        return id;
    }

    private HttpMessage CreateMessage(RequestMethod method, params string[] pathAfterKeys)
    {
        HttpMessage message = _pipeline.CreateMessage();
        Request request = message.Request;
        request.Method = method;
        request.Uri.Reset(VaultUri);
        request.Uri.AppendPath("/keys", escape: false);
        foreach (string segment in pathAfterKeys)
        {
            if (segment.Length > 0)
            {
                request.Uri.AppendPath("/", escape: false);
                request.Uri.AppendPath(segment, escape: true);
            }
        }

        request.Uri.AppendQuery("api-version", _apiVersion);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (method == RequestMethod.Post)
        {
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        }

        return message;
    }

    private async Task<T> SendAsync<T>(HttpMessage message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        Response response = message.Response;
        if (response.Status != 200)
        {
            throw ToException(response);
        }

        return JsonSerializer.Deserialize(response.Content.ToMemory().Span, typeInfo)
            ?? throw new InvalidOperationException("Key Vault returned an empty body.");
    }

    private static KeyVaultRequestFailedException ToException(Response response)
    {
        ErrorDto? error = null;
        try
        {
            if (response.Content.ToMemory().Length > 0)
            {
                error = JsonSerializer.Deserialize(response.Content.ToMemory().Span, KeyVaultJsonContext.Default.ErrorResponseDto)?.Error;
            }
        }
        catch (JsonException)
        {
            // Not Key Vault's JSON (a proxy page, say); the status and reason still say what happened.
        }

        return new KeyVaultRequestFailedException(response.Status, error?.Code, error?.Message ?? NullIfEmpty(response.ReasonPhrase));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static KeyVaultKey ToKey(KeyBundleDto bundle)
    {
        JsonWebKeyDto key = bundle.Key ?? throw new InvalidOperationException("Key Vault returned a key bundle without a key.");
        if (key.Kid is null || key.Kty is null)
        {
            throw new InvalidOperationException("Key Vault returned a key without kid or kty.");
        }

        var kid = new Uri(key.Kid);
        KeyIdentifier id = KeyIdentifier.Parse(kid);
        var jwk = new JsonWebKey(
            kid,
            key.Kty,
            key.Crv,
            key.X is null ? ReadOnlyMemory<byte>.Empty : Base64Url.DecodeFromChars(key.X),
            key.Y is null ? ReadOnlyMemory<byte>.Empty : Base64Url.DecodeFromChars(key.Y),
            key.KeyOps ?? []);

        KeyAttributesDto? attributes = bundle.Attributes;
        return new KeyVaultKey(
            id.Name,
            id.Version ?? string.Empty,
            jwk,
            attributes?.Enabled ?? true,
            attributes?.Created is long created ? DateTimeOffset.FromUnixTimeSeconds(created) : null,
            attributes?.Updated is long updated ? DateTimeOffset.FromUnixTimeSeconds(updated) : null);
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!KeyNamePattern().IsMatch(name))
        {
            throw new ArgumentException("Key names are 1-127 letters, digits and dashes.", nameof(name));
        }
    }

    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex KeyNamePattern();
}
