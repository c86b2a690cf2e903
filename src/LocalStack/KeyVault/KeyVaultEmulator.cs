using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentFunctions.KeyVault.Keys;

namespace PaymentFunctions.LocalStack.KeyVault;

/// <summary>
/// A local stand-in for Azure Key Vault's keys API as Key Vault clients use it for secp256k1 (<c>P-256K</c>) keys:
/// create a key or a new version, get it (latest or by version), list keys and versions (paged by <c>nextLink</c>),
/// and sign and verify digests with <c>ES256K</c>, with Key Vault's JSON shapes (API 7.4 and 2025-07-01), status
/// codes and error bodies for every route, so the production <see cref="KeyVaultKeyClient"/> and Key Vault signer
/// run against it unchanged.
/// </summary>
/// <remarks>
/// It serves HTTPS on 127.0.0.1 with a throwaway self-signed certificate because Azure.Core (rightly) refuses to
/// send bearer tokens over plain HTTP. Clients trust that one certificate by pinning it:
/// <see cref="CreateClientOptions"/> returns options whose transport accepts exactly this emulator's certificate,
/// so nothing about TLS validation is loosened for any other host. Any bearer token is accepted; keys live in memory.
/// </remarks>
public sealed partial class KeyVaultEmulator : IAsyncDisposable
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const int MaxPageSize = 25;

    private readonly WebApplication _app;
    private readonly EmulatedKeyStore _keys;
    private readonly string _certificateThumbprint;
    private int _disposed;

    private KeyVaultEmulator(WebApplication app, EmulatedKeyStore keys, X509Certificate2 certificate)
    {
        _app = app;
        _keys = keys;
        Certificate = certificate;
        _certificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>The emulated vault's base address, e.g. <c>https://127.0.0.1:54321/</c>.</summary>
    public Uri VaultUri { get; private set; } = null!;

    /// <summary>The self-signed certificate the emulator serves; pin it to trust the emulator.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// The SHA-256 thumbprint of <see cref="Certificate"/>, for <see cref="KeyVaultKeyClientOptions.PinServerCertificate"/>
    /// in a process that did not start the emulator.
    /// </summary>
    public string CertificateThumbprint => _certificateThumbprint;

    /// <summary>A credential the emulator accepts.</summary>
    public TokenCredential Credential { get; } = new StaticTokenCredential();

    /// <summary>Starts an emulator on 127.0.0.1 and a free port.</summary>
    public static Task<KeyVaultEmulator> StartAsync(CancellationToken cancellationToken = default) => StartAsync(0, cancellationToken);

    /// <summary>Starts an emulator on 127.0.0.1 and <paramref name="port"/> (0 picks a free one), e.g. a fixed port for local runs.</summary>
    public static async Task<KeyVaultEmulator> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        X509Certificate2 certificate = EmulatorCertificate.Create();
        var keys = new EmulatedKeyStore();

        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));

        WebApplication app = builder.Build();
        var emulator = new KeyVaultEmulator(app, keys, certificate);

        // Every request needs a bearer token, as in Key Vault; the token itself is not checked.
        app.Use(async (context, next) =>
        {
            string? authorization = context.Request.Headers.Authorization;
            if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
            {
                context.Response.Headers.WWWAuthenticate =
                    "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.").ConfigureAwait(false);
                return;
            }

            if (string.IsNullOrEmpty(context.Request.Query["api-version"]))
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The 'api-version' query parameter is missing.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        // Routing answers an unknown route with an empty 404 and a known one with the wrong method with an empty 405;
        // Key Vault answers both with its error body.
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.ContentLength is null or 0)
            {
                if (context.Response.StatusCode == StatusCodes.Status404NotFound)
                {
                    await WriteErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"The requested resource '{context.Request.Path}' was not found.").ConfigureAwait(false);
                }
                else if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                {
                    await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"The method '{context.Request.Method}' is not allowed on '{context.Request.Path}'.").ConfigureAwait(false);
                }
            }
        });

        app.MapGet("/keys", emulator.ListKeysAsync);
        app.MapPost("/keys/{name}/create", emulator.CreateKeyAsync);
        app.MapGet("/keys/{name}", emulator.GetKeyAsync);
        app.MapGet("/keys/{name}/versions", emulator.ListVersionsAsync);
        app.MapGet("/keys/{name}/{version}", emulator.GetKeyAsync);
        app.MapPost("/keys/{name}/{version}/sign", emulator.SignAsync);
        app.MapPost("/keys/{name}/{version}/verify", emulator.VerifyAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        emulator.VaultUri = new Uri($"https://127.0.0.1:{new Uri(address).Port.ToString(CultureInfo.InvariantCulture)}/");
        return emulator;
    }

    /// <summary>
    /// Client options whose transport trusts exactly this emulator's certificate. Everything else about
    /// the client (bearer token policy, retries) stays as in production.
    /// </summary>
    public KeyVaultKeyClientOptions CreateClientOptions()
    {
        KeyVaultKeyClientOptions options = new KeyVaultKeyClientOptions().PinServerCertificate(CertificateThumbprint);
        options.Retry.MaxRetries = 0;
        return options;
    }

    /// <summary>A client for this emulator using <see cref="Credential"/>.</summary>
    public KeyVaultKeyClient CreateClient() => new(VaultUri, Credential, CreateClientOptions());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _keys.Dispose();
        Certificate.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"KeyVaultEmulator({VaultUri})";

    private async Task CreateKeyAsync(HttpContext context)
    {
        string name = (string)context.Request.RouteValues["name"]!;
        if (!KeyNamePattern().IsMatch(name))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The request URI contains an invalid name: " + name).ConfigureAwait(false);
            return;
        }

        if (await ReadBodyAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        string? kty = GetString(body, "kty");
        string? crv = GetString(body, "crv");
        if (kty is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "Property 'kty' is required.").ConfigureAwait(false);
            return;
        }

        if (!KeyType.IsEllipticCurve(kty))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", $"Key type '{kty}' is not supported by the emulator; use EC or EC-HSM.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(crv, KeyCurveName.P256K, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", $"Curve '{crv}' is not supported by the emulator; use P-256K.").ConfigureAwait(false);
            return;
        }

        List<string> operations = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("key_ops", out JsonElement ops) && ops.ValueKind == JsonValueKind.Array
            ? ops.EnumerateArray().Select(o => o.GetString() ?? string.Empty).ToList()
            : ["sign", "verify"];

        EmulatedKey key = _keys.Create(name, kty, operations);
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer => key.WriteBundle(writer, RequestVault(context))).ConfigureAwait(false);
    }

    private async Task GetKeyAsync(HttpContext context)
    {
        EmulatedKey? key = await FindKeyAsync(context).ConfigureAwait(false);
        if (key is not null)
        {
            await WriteJsonAsync(context, StatusCodes.Status200OK, writer => key.WriteBundle(writer, RequestVault(context))).ConfigureAwait(false);
        }
    }

    private async Task SignAsync(HttpContext context)
    {
        EmulatedKey? key = await FindKeyAsync(context).ConfigureAwait(false);
        if (key is null)
        {
            return;
        }

        if (await ReadBodyAsync(context).ConfigureAwait(false) is not { } body)
        {
            return;
        }

        string? value = GetString(body, "value");
        if (!await IsPermittedAsync(context, key, body, "sign").ConfigureAwait(false))
        {
            return;
        }

        byte[]? digest = TryDecodeBase64Url(value);
        if (digest is not { Length: 32 })
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "Invalid length of digest for ES256K: a 32-byte base64url value is required.").ConfigureAwait(false);
            return;
        }

        byte[] signature = key.SignDigest(digest);
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kid", key.KeyId(RequestVault(context)));
            writer.WriteString("value", Base64Url.EncodeToString(signature));
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task ListKeysAsync(HttpContext context) =>
        WritePageAsync(context, _keys.ListCurrent(), versioned: false);

    private async Task ListVersionsAsync(HttpContext context)
    {
        string name = (string)context.Request.RouteValues["name"]!;
        IReadOnlyList<EmulatedKey>? versions = _keys.ListVersions(name);
        if (versions is null)
        {
            await WriteKeyNotFoundAsync(context, name).ConfigureAwait(false);
            return;
        }

        await WritePageAsync(context, versions, versioned: true).ConfigureAwait(false);
    }

    // Pages of at most maxresults (1-25, default 25); $skiptoken is the offset of the next page, opaque to clients.
    private static async Task WritePageAsync(HttpContext context, IReadOnlyList<EmulatedKey> keys, bool versioned)
    {
        int size = MaxPageSize;
        string? maxResults = context.Request.Query["maxresults"];
        if (maxResults is not null && (!int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", $"maxresults must be an integer from 1 to {MaxPageSize}.").ConfigureAwait(false);
            return;
        }

        int skip = 0;
        string? skipToken = context.Request.Query["$skiptoken"];
        if (skipToken is not null && (!int.TryParse(skipToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip > keys.Count))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The $skiptoken is invalid.").ConfigureAwait(false);
            return;
        }

        Uri vault = RequestVault(context);
        EmulatedKey[] page = keys.Skip(skip).Take(size).ToArray();
        string? nextLink = skip + page.Length < keys.Count
            ? $"{vault.GetLeftPart(UriPartial.Authority)}{context.Request.Path}?api-version={Uri.EscapeDataString(context.Request.Query["api-version"].ToString())}&$skiptoken={(skip + page.Length).ToString(CultureInfo.InvariantCulture)}&maxresults={size.ToString(CultureInfo.InvariantCulture)}"
            : null;
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("value");
            foreach (EmulatedKey key in page)
            {
                key.WriteItem(writer, vault, versioned);
            }

            writer.WriteEndArray();
            if (nextLink is null)
            {
                writer.WriteNull("nextLink");
            }
            else
            {
                writer.WriteString("nextLink", nextLink);
            }

            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task VerifyAsync(HttpContext context)
    {
        EmulatedKey? key = await FindKeyAsync(context).ConfigureAwait(false);
        if (key is null)
        {
            return;
        }

        JsonElement? body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is not { } request)
        {
            return;
        }

        if (!await IsPermittedAsync(context, key, request, "verify").ConfigureAwait(false))
        {
            return;
        }

        byte[]? digest = TryDecodeBase64Url(GetString(request, "digest"));
        byte[]? signature = TryDecodeBase64Url(GetString(request, "value"));
        if (digest is not { Length: 32 } || signature is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "A 32-byte base64url 'digest' and a base64url 'value' are required for ES256K.").ConfigureAwait(false);
            return;
        }

        bool valid = signature.Length == 64 && key.VerifyDigest(digest, signature);
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("value", valid);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    // ES256K is the only algorithm of a P-256K key, and the key must allow the operation; otherwise the error is written.
    private static async Task<bool> IsPermittedAsync(HttpContext context, EmulatedKey key, JsonElement body, string operation)
    {
        string? algorithm = GetString(body, "alg");
        if (!string.Equals(algorithm, SignatureAlgorithm.ES256K, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", $"Algorithm '{algorithm}' is not supported for a P-256K key.").ConfigureAwait(false);
            return false;
        }

        if (!key.KeyOperations.Contains(operation, StringComparer.Ordinal))
        {
            await WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden", $"Operation {operation} is not permitted on this key.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    // The JSON body, or null once a 400 has been written for a body that is not JSON.
    private static async Task<JsonElement?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The request body is not valid JSON.").ConfigureAwait(false);
            return null;
        }
    }

    private async Task<EmulatedKey?> FindKeyAsync(HttpContext context)
    {
        string name = (string)context.Request.RouteValues["name"]!;
        string? version = context.Request.RouteValues["version"] as string;
        EmulatedKey? key = _keys.Find(name, version);
        if (key is null)
        {
            await WriteKeyNotFoundAsync(context, version is null ? name : $"{name}/{version}").ConfigureAwait(false);
        }

        return key;
    }

    private static Task WriteKeyNotFoundAsync(HttpContext context, string id) =>
        WriteErrorAsync(context, StatusCodes.Status404NotFound, "KeyNotFound", $"A key with (name/id) {id} was not found in this key vault. If you recently deleted this key you may be able to recover it using the correct recovery command.");

    // Key identifiers name the vault the client addressed, as Key Vault's do.
    private static Uri RequestVault(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    private static string? GetString(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static byte[]? TryDecodeBase64Url(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    [GeneratedRegex("^[0-9a-zA-Z-]{1,127}$")]
    private static partial Regex KeyNamePattern();
}
