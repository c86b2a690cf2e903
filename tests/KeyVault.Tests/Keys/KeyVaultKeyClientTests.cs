using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using PaymentFunctions.KeyVault.Keys;

namespace PaymentFunctions.KeyVault.Tests.Keys;

public sealed class KeyVaultKeyClientTests
{
    private static readonly Uri Vault = new("https://contoso.vault.azure.net/");

    private const string Bundle = """
        {"key":{"kid":"https://contoso.vault.azure.net/keys/signer/0123abcd","kty":"EC-HSM","key_ops":["sign","verify"],"crv":"P-256K",
        "x":"AQID","y":"BAUG"},"attributes":{"enabled":true,"created":1700000000,"updated":1700000100,"recoveryLevel":"Recoverable+Purgeable"}}
        """;

    private static (KeyVaultKeyClient Client, StubHandler Handler, FixedTokenCredential Credential) Create(HttpStatusCode status, string body, string contentType = "application/json")
    {
        var handler = new StubHandler(status, body, contentType);
        var credential = new FixedTokenCredential("test-token");
        var options = new KeyVaultKeyClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return (new KeyVaultKeyClient(Vault, credential, options), handler, credential);
    }

    [Fact]
    public async Task Gets_a_key_version_with_a_bearer_token_for_the_vault_scope()
    {
        var (client, handler, credential) = Create(HttpStatusCode.OK, Bundle);

        KeyVaultKey key = await client.GetKeyAsync("signer", "0123abcd");

        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/keys/signer/0123abcd", request.RequestUri!.AbsolutePath);
        Assert.Equal("?api-version=7.4", request.RequestUri.Query);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("test-token", request.Headers.Authorization?.Parameter);
        Assert.Equal(["https://vault.azure.net/.default"], Assert.Single(credential.RequestedScopes));

        Assert.Equal("signer", key.Name);
        Assert.Equal("0123abcd", key.Version);
        Assert.True(key.Enabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), key.CreatedOn);
        Assert.Equal(new Uri("https://contoso.vault.azure.net/keys/signer/0123abcd"), key.Key.Id);
        Assert.Equal(KeyType.EcHsm, key.Key.KeyType);
        Assert.Equal(KeyCurveName.P256K, key.Key.CurveName);
        Assert.Equal(new byte[] { 1, 2, 3 }, key.Key.X.ToArray());
        Assert.Equal(new byte[] { 4, 5, 6 }, key.Key.Y.ToArray());
        Assert.Equal(["sign", "verify"], key.Key.KeyOperations);
    }

    [Fact]
    public async Task Gets_the_latest_version_when_none_is_given()
    {
        var (client, handler, _) = Create(HttpStatusCode.OK, Bundle);

        await client.GetKeyAsync("signer");

        Assert.Equal("/keys/signer", Assert.Single(handler.Requests).Request.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Maps_key_vault_error_body_to_exception_with_status_and_code()
    {
        var (client, _, _) = Create(HttpStatusCode.NotFound, """{"error":{"code":"KeyNotFound","message":"A key with (name/id) nope was not found in this key vault."}}""");

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.GetKeyAsync("nope"));

        Assert.Equal(404, error.Status);
        Assert.Equal("KeyNotFound", error.ErrorCode);
        Assert.Equal("A key with (name/id) nope was not found in this key vault.", error.ServiceMessage);
        Assert.Contains("KeyNotFound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_status_when_the_error_body_is_not_key_vault_json()
    {
        var (client, _, _) = Create(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "text/html");

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.GetKeyAsync("signer"));

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public async Task Creates_an_hsm_ec_key_on_the_requested_curve()
    {
        var (client, handler, _) = Create(HttpStatusCode.OK, Bundle);

        await client.CreateEcKeyAsync("signer", KeyCurveName.P256K, hardwareProtected: true);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/keys/signer/create", request.RequestUri!.AbsolutePath);
        using JsonDocument json = JsonDocument.Parse(body!);
        Assert.Equal("EC-HSM", json.RootElement.GetProperty("kty").GetString());
        Assert.Equal("P-256K", json.RootElement.GetProperty("crv").GetString());
    }

    [Fact]
    public async Task Signs_by_posting_the_digest_as_base64url_to_the_key_version()
    {
        byte[] signature = Enumerable.Range(1, 64).Select(i => (byte)i).ToArray();
        var (client, handler, _) = Create(HttpStatusCode.OK, $$"""{"kid":"https://contoso.vault.azure.net/keys/signer/0123abcd","value":"{{Base64Url.EncodeToString(signature)}}"}""");
        byte[] digest = Enumerable.Repeat((byte)0xfb, 32).ToArray();

        SignResult result = await client.SignAsync(new Uri("https://contoso.vault.azure.net/keys/signer/0123abcd"), SignatureAlgorithm.ES256K, digest);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("/keys/signer/0123abcd/sign", request.RequestUri!.AbsolutePath);
        using JsonDocument json = JsonDocument.Parse(body!);
        Assert.Equal("ES256K", json.RootElement.GetProperty("alg").GetString());
        string value = json.RootElement.GetProperty("value").GetString()!;
        Assert.DoesNotContain('+', value);
        Assert.DoesNotContain('=', value);
        Assert.Equal(digest, Base64Url.DecodeFromChars(value));
        Assert.Equal(signature, result.Signature.ToArray());
    }

    [Fact]
    public async Task Refuses_to_send_its_token_to_a_key_in_another_vault()
    {
        var (client, handler, _) = Create(HttpStatusCode.OK, "{}");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.SignAsync(new Uri("https://evil.example.com/keys/signer/0123abcd"), SignatureAlgorithm.ES256K, new byte[32]));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Refuses_to_sign_with_an_unversioned_key_id()
    {
        var (client, handler, _) = Create(HttpStatusCode.OK, "{}");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.SignAsync(new Uri("https://contoso.vault.azure.net/keys/signer"), SignatureAlgorithm.ES256K, new byte[32]));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Never_sends_its_bearer_token_over_plain_http()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Bundle);
        var options = new KeyVaultKeyClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        var client = new KeyVaultKeyClient(new Uri("http://127.0.0.1:8443/"), new FixedTokenCredential("secret"), options);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetKeyAsync("signer"));

        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/inside")]
    [InlineData("under_score")]
    public async Task Rejects_key_names_key_vault_would_not_accept(string name)
    {
        var (client, handler, _) = Create(HttpStatusCode.OK, Bundle);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetKeyAsync(name));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Key_to_string_shows_no_coordinates()
    {
        var jwk = new JsonWebKey(new Uri("https://contoso.vault.azure.net/keys/signer/1"), KeyType.Ec, KeyCurveName.P256K, new byte[] { 9, 9 }, new byte[] { 8, 8 }, ["sign"]);

        string text = jwk.ToString();

        Assert.Contains("signer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("X =", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Y =", text, StringComparison.Ordinal);
    }
}
