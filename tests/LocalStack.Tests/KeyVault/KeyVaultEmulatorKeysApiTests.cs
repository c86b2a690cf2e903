using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Tests.KeyVault;

/// <summary>The list, version and verify parts of the keys API, each through <see cref="KeyVaultKeyClient"/>, on a vault of their own.</summary>
public sealed class KeyVaultEmulatorKeysApiTests : IAsyncLifetime
{
    private KeyVaultEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await KeyVaultEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Lists_keys_page_by_page_following_next_link()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        string[] names = ["alpha", "bravo", "charlie", "delta", "echo"];
        foreach (string name in names)
        {
            await client.CreateEcKeyAsync(name);
        }

        await client.CreateEcKeyAsync("bravo"); // a second version is still one key

        var pages = new List<Page<KeyVaultKeyProperties>>();
        await foreach (Page<KeyVaultKeyProperties> page in client.GetPropertiesOfKeysAsync(maxResults: 2).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
        Assert.All(pages.SkipLast(1), p => Assert.StartsWith(_emulator.VaultUri.GetLeftPart(UriPartial.Authority) + "/keys?", p.ContinuationToken, StringComparison.Ordinal));
        Assert.Null(pages[^1].ContinuationToken);
        KeyVaultKeyProperties[] keys = [.. pages.SelectMany(p => p.Values)];
        Assert.Equal(names, keys.Select(k => k.Name));
        Assert.All(keys, k =>
        {
            Assert.Null(k.Version);
            Assert.Equal(new Uri(_emulator.VaultUri, $"keys/{k.Name}"), k.Id);
            Assert.True(k.Enabled);
            Assert.NotNull(k.CreatedOn);
        });

        var all = new List<string>();
        await foreach (KeyVaultKeyProperties key in client.GetPropertiesOfKeysAsync())
        {
            all.Add(key.Name);
        }

        Assert.Equal(names, all);
    }

    [Fact]
    public async Task Lists_every_version_of_a_key_and_serves_each_by_version()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey[] created = [await client.CreateEcKeyAsync("rotating"), await client.CreateEcKeyAsync("rotating"), await client.CreateEcKeyAsync("rotating")];
        await client.CreateEcKeyAsync("other");

        var pages = new List<Page<KeyVaultKeyProperties>>();
        await foreach (Page<KeyVaultKeyProperties> page in client.GetPropertiesOfKeyVersionsAsync("rotating", maxResults: 2).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([2, 1], pages.Select(p => p.Values.Count));
        KeyVaultKeyProperties[] versions = [.. pages.SelectMany(p => p.Values)];
        Assert.Equal(created.Select(k => k.Version).Order(), versions.Select(v => v.Version!).Order());
        foreach (KeyVaultKeyProperties version in versions)
        {
            Assert.Equal("rotating", version.Name);
            KeyVaultKey key = await client.GetKeyAsync("rotating", version.Version);
            Assert.Equal(version.Id, key.Key.Id);
            Assert.Equal(created.Single(c => c.Version == version.Version).Key.X.ToArray(), key.Key.X.ToArray());
        }
    }

    [Fact]
    public async Task Listing_versions_of_an_unknown_key_is_404_key_not_found()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(async () =>
        {
            await foreach (KeyVaultKeyProperties unused in client.GetPropertiesOfKeyVersionsAsync("missing"))
            {
            }
        });

        Assert.Equal(404, error.Status);
        Assert.Equal("KeyNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Verify_accepts_the_key_own_signature_and_rejects_an_altered_one()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey key = await client.CreateEcKeyAsync("verifier");
        byte[] digest = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        SignResult signed = await client.SignAsync(key.Key.Id, SignatureAlgorithm.ES256K, digest);
        byte[] altered = signed.Signature.ToArray();
        altered[10] ^= 0x01;

        Assert.True(await client.VerifyAsync(key.Key.Id, SignatureAlgorithm.ES256K, digest, signed.Signature));
        Assert.False(await client.VerifyAsync(key.Key.Id, SignatureAlgorithm.ES256K, digest, altered));
        Assert.False(await client.VerifyAsync(key.Key.Id, SignatureAlgorithm.ES256K, new byte[32], signed.Signature));

        KeyVaultKey next = await client.CreateEcKeyAsync("verifier");
        Assert.False(await client.VerifyAsync(next.Key.Id, SignatureAlgorithm.ES256K, digest, signed.Signature));
        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() =>
            client.VerifyAsync(new Uri(_emulator.VaultUri, "keys/verifier/00000000000000000000000000000000"), SignatureAlgorithm.ES256K, digest, signed.Signature));
        Assert.Equal(404, error.Status);
        Assert.Equal("KeyNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Page_sizes_outside_1_to_25_are_refused()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (KeyVaultKeyProperties unused in client.GetPropertiesOfKeysAsync(maxResults: 26))
            {
            }
        });

        using HttpClient http = CreateHttpClient();
        using HttpResponseMessage response = await http.GetAsync(new Uri(_emulator.VaultUri, "keys?api-version=7.4&maxresults=0"));
        await AssertKeyVaultErrorAsync(response, HttpStatusCode.BadRequest, "BadParameter");
    }

    [Theory]
    [InlineData("GET", "secrets/anything", HttpStatusCode.NotFound, "NotFound")]
    [InlineData("GET", "keys/name/version/extra/segment", HttpStatusCode.NotFound, "NotFound")]
    [InlineData("DELETE", "keys/some-key", HttpStatusCode.MethodNotAllowed, "MethodNotAllowed")]
    [InlineData("GET", "keys/some-key/0123/sign", HttpStatusCode.MethodNotAllowed, "MethodNotAllowed")]
    [InlineData("PUT", "keys", HttpStatusCode.MethodNotAllowed, "MethodNotAllowed")]
    public async Task Unknown_routes_and_methods_answer_in_key_vault_error_shape(string method, string path, HttpStatusCode status, string code)
    {
        using HttpClient http = CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_emulator.VaultUri, path + "?api-version=2025-07-01"));

        using HttpResponseMessage response = await http.SendAsync(request);

        await AssertKeyVaultErrorAsync(response, status, code);
    }

    private HttpClient CreateHttpClient()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _emulator.Certificate.Thumbprint,
        };
        var http = new HttpClient(handler);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "any-token");
        return http;
    }

    private static async Task AssertKeyVaultErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement error = body.RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }
}
