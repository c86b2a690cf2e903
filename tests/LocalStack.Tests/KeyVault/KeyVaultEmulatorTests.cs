using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Azure;
using PaymentFunctions.Ethereum.Addresses;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Tests.KeyVault;

public sealed class KeyVaultEmulatorTests(KeyVaultEmulatorFixture fixture) : IClassFixture<KeyVaultEmulatorFixture>
{
    private readonly KeyVaultEmulator _emulator = fixture.Emulator;

    [Fact]
    public void Listens_on_loopback_over_https()
    {
        Assert.Equal("https", _emulator.VaultUri.Scheme);
        Assert.Equal("127.0.0.1", _emulator.VaultUri.Host);
        Assert.NotEqual(0, _emulator.VaultUri.Port);
    }

    [Fact]
    public async Task Starts_on_a_requested_port_and_stops_listening_when_disposed()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var emulator = await KeyVaultEmulator.StartAsync(port);
        try
        {
            Assert.Equal(new Uri($"https://127.0.0.1:{port}/"), emulator.VaultUri);
            Assert.Equal("on-port", (await emulator.CreateClient().CreateEcKeyAsync("on-port")).Name);
        }
        finally
        {
            await emulator.DisposeAsync();
        }

        using var client = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Creates_a_p256k_key_and_serves_it_by_name_and_by_version()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();

        KeyVaultKey created = await client.CreateEcKeyAsync("payments-signer", hardwareProtected: true);
        KeyVaultKey latest = await client.GetKeyAsync("payments-signer");
        KeyVaultKey byVersion = await client.GetKeyAsync("payments-signer", created.Version);

        Assert.Equal(KeyType.EcHsm, created.Key.KeyType);
        Assert.Equal(KeyCurveName.P256K, created.Key.CurveName);
        Assert.Equal(32, created.Key.X.Length);
        Assert.Equal(32, created.Key.Y.Length);
        Assert.StartsWith(_emulator.VaultUri.ToString().TrimEnd('/') + "/keys/payments-signer/", created.Key.Id.ToString(), StringComparison.Ordinal);
        Assert.Equal(created.Key.Id, latest.Key.Id);
        Assert.Equal(created.Key.X.ToArray(), byVersion.Key.X.ToArray());
        Assert.Equal(created.Key.Y.ToArray(), byVersion.Key.Y.ToArray());
    }

    [Fact]
    public async Task Creating_an_existing_key_adds_a_new_current_version()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();

        KeyVaultKey first = await client.CreateEcKeyAsync("rotated");
        KeyVaultKey second = await client.CreateEcKeyAsync("rotated");

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(second.Key.Id, (await client.GetKeyAsync("rotated")).Key.Id);
        Assert.Equal(first.Key.X.ToArray(), (await client.GetKeyAsync("rotated", first.Version)).Key.X.ToArray());
    }

    [Fact]
    public async Task Key_vault_signer_signs_a_transaction_whose_recovered_sender_is_the_key_address()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey key = await client.CreateEcKeyAsync("tx-signer");
        var signer = new KeyVaultSigner(client, "tx-signer");
        Address expected = Address.FromPublicKey([.. key.Key.X.Span, .. key.Key.Y.Span]);

        var transaction = new Transaction1559(
            31337, 0, 1_000_000_000, 30_000_000_000, 21_000, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", BigInteger.Parse("1000000000000000000"), "0x", []);
        SignedEip1559Transaction signed = await signer.SignEip1559Async(transaction, expected);

        Assert.Equal(expected, await signer.GetAddressAsync(CancellationToken.None));
        Assert.Equal(expected, Address.Parse(TransactionFactory.CreateTransaction(signed.Raw).GetSenderAddress()));
    }

    [Fact]
    public async Task Signatures_from_the_emulator_recover_to_the_key_after_normalization()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey key = await client.CreateEcKeyAsync("many");
        var signer = new KeyVaultSigner(client, "many");
        byte[] publicKey = [.. key.Key.X.Span, .. key.Key.Y.Span];

        for (int i = 0; i < 8; i++)
        {
            byte[] digest = Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"message {i}"));
            EthECDSASignature signature = await signer.SignAsync(digest);

            Assert.True(signature.IsLowS);
            Assert.Equal(publicKey, EthECKey.RecoverFromSignature(signature, digest).GetPubKeyNoPrefix());
        }
    }

    [Fact]
    public async Task Unknown_key_is_404_key_not_found()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.GetKeyAsync("missing"));

        Assert.Equal(404, error.Status);
        Assert.Equal("KeyNotFound", error.ErrorCode);
        Assert.Contains("missing", error.ServiceMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_with_an_unknown_version_is_404_key_not_found()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        await client.CreateEcKeyAsync("versioned");
        var id = new Uri(_emulator.VaultUri, "keys/versioned/00000000000000000000000000000000");

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.SignAsync(id, SignatureAlgorithm.ES256K, new byte[32]));

        Assert.Equal(404, error.Status);
        Assert.Equal("KeyNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Digest_of_the_wrong_length_is_400_bad_parameter()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey key = await client.CreateEcKeyAsync("short-digest");

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.SignAsync(key.Key.Id, SignatureAlgorithm.ES256K, new byte[31]));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadParameter", error.ErrorCode);
    }

    [Fact]
    public async Task Unsupported_algorithm_is_400_bad_parameter()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();
        KeyVaultKey key = await client.CreateEcKeyAsync("wrong-alg");

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.SignAsync(key.Key.Id, "RS256", new byte[32]));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadParameter", error.ErrorCode);
    }

    [Fact]
    public async Task Unsupported_curve_is_400_bad_parameter()
    {
        KeyVaultKeyClient client = _emulator.CreateClient();

        var error = await Assert.ThrowsAsync<KeyVaultRequestFailedException>(() => client.CreateEcKeyAsync("p256", "P-256"));

        Assert.Equal(400, error.Status);
        Assert.Equal("BadParameter", error.ErrorCode);
    }

    [Fact]
    public async Task Request_without_a_bearer_token_is_401_with_a_challenge()
    {
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _emulator.Certificate.Thumbprint,
        };
        using var http = new HttpClient(handler);

        using HttpResponseMessage response = await http.GetAsync(new Uri(_emulator.VaultUri, "keys/anything?api-version=7.4"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unauthorized", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Clients_pinned_to_another_certificate_refuse_to_connect()
    {
        var options = new KeyVaultKeyClientOptions().PinServerCertificate(new string('A', 64));
        options.Retry.MaxRetries = 0;
        var client = new KeyVaultKeyClient(_emulator.VaultUri, _emulator.Credential, options);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetKeyAsync("anything"));

        Assert.Equal(0, error.Status);
    }

    [Fact]
    public async Task Client_pinned_by_thumbprint_alone_reaches_the_emulator()
    {
        var options = new KeyVaultKeyClientOptions().PinServerCertificate(_emulator.CertificateThumbprint);
        var client = new KeyVaultKeyClient(_emulator.VaultUri, new StaticTokenCredential("another-token"), options);

        KeyVaultKey key = await client.CreateEcKeyAsync("pinned-by-thumbprint");

        Assert.Equal("pinned-by-thumbprint", key.Name);
    }

    [Fact]
    public async Task Clients_that_do_not_pin_the_emulator_certificate_refuse_to_connect()
    {
        var options = new KeyVaultKeyClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new KeyVaultKeyClient(_emulator.VaultUri, _emulator.Credential, options);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetKeyAsync("anything"));

        Assert.Equal(0, error.Status);
    }
}
