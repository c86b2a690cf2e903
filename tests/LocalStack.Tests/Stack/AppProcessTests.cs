using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.LocalStack.Tests.Stack;

/// <summary>The real app as a child process on the local stack: started ready, reachable with its key, stopped or killed.</summary>
public sealed class AppProcessTests : IAsyncLifetime
{
    private const string FunctionKey = "app-process-test-key";
    private LocalPaymentStack _stack = null!;

    public async Task InitializeAsync() =>
        _stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Starts_ready_on_the_stack_settings_and_killing_it_closes_the_port()
    {
        var lines = new List<string>();
        var log = Path.Combine(Path.GetTempPath(), $"app-process-{Guid.NewGuid():N}.log");
        try
        {
            await using var app = await AppProcess.StartAsync(
                AppProcessOptions.ForStack(_stack) with { FunctionKey = FunctionKey, LogPath = log, Output = line => { lock (lines) { lines.Add(line); } } },
                CancellationToken.None);

            Assert.NotEqual(0, app.BaseAddress.Port);
            using var anonymous = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

            // The function key reached the app: without it a starter is refused, with it the orchestration starts.
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/api/orchestrators/HelloSequence", UriKind.Relative), null)).StatusCode);
            using var client = app.CreateClient();
            using var started = await client.PostAsync(new Uri("/api/orchestrators/HelloSequence", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            // DurableStoreConnection reached the app: the instance is in the stack's database.
            await using (var connection = new NpgsqlConnection(_stack.Postgres))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("select count(*) from durable.instances where instance_id = @id", connection);
                command.Parameters.AddWithValue("id", instanceId!);
                Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
            }

            await app.KillAsync();

            Assert.True(app.HasExited);
            Assert.NotEqual(0, app.ExitCode);
            using var closed = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => closed.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port));

            // What the app printed went to both the callback and the log file.
            lock (lines)
            {
                Assert.NotEmpty(lines);
            }

            Assert.NotEmpty(await File.ReadAllTextAsync(log));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public async Task The_app_signs_with_the_vault_key_through_its_own_credential_chain_and_completes_a_payment()
    {
        await using var app = await AppProcess.StartAsync(AppProcessOptions.ForStack(_stack) with { FunctionKey = FunctionKey }, CancellationToken.None);
        using var client = app.CreateClient();

        // The seller's CLABE (here also the buyer's refund CLABE) must be a registered payout destination; no custody, so nothing waits.
        var seller = Clabe.Create("012", "180", "55501234567");
        await _stack.RegisterBankAccountAsync(seller, "Vendedor");
        using var created = await client.PostAsJsonAsync(new Uri("/api/payments", UriKind.Relative), new
        {
            amount = 150.00m,
            buyer = new { name = "Comprador", refundClabe = seller.Value },
            seller = new { name = "Vendedor", clabe = seller.Value },
            deadline = DateTimeOffset.UtcNow.AddHours(1),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var payment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payment");
        var id = payment.GetProperty("id").GetString()!;
        _stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(150.00m));
        using var trigger = await client.PostAsJsonAsync(new Uri("/api/automation/trigger", UriKind.Relative), new { process = "deposits" });
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);

        // Withdrawing to the bridge and creating the escrow need the bridge key's signatures from the vault, which the
        // app's DefaultAzureCredential can only get from the managed identity endpoint AppProcess serves it.
        JsonElement view;
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        do
        {
            await Task.Delay(200, patience.Token);
            view = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/payments/{id}", UriKind.Relative), patience.Token);
        }
        while (view.GetProperty("status").GetString() is not ("Completed" or "Failed" or "OnHold" or "Refunded" or "Expired"));

        Assert.Equal("Completed", view.GetProperty("status").GetString());
        Assert.StartsWith("0x", view.GetProperty("escrow").GetProperty("createTx").GetString());
    }

    [Fact]
    public async Task The_managed_identity_endpoint_hands_tokens_only_to_callers_with_its_header()
    {
        using var identity = AppProcessIdentityEndpoint.Start();
        using var http = new HttpClient();
        var tokenUri = new Uri(identity.Endpoint, "?api-version=2019-08-01&resource=https://vault.azure.net");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(tokenUri)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        request.Headers.Add("X-IDENTITY-HEADER", identity.Secret);
        using var response = await http.SendAsync(request);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(token.GetProperty("access_token").GetString()));
        Assert.Equal("https://vault.azure.net", token.GetProperty("resource").GetString());
        Assert.True(long.Parse(token.GetProperty("expires_on").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(identity.Endpoint.ToString(), identity.Environment["IDENTITY_ENDPOINT"]);
        Assert.Equal(identity.Secret, identity.Environment["IDENTITY_HEADER"]);
    }

    [Fact]
    public async Task Stopping_sends_sigterm_and_the_app_shuts_down_cleanly()
    {
        await using var app = await AppProcess.StartAsync(AppProcessOptions.ForStack(_stack), CancellationToken.None);

        await app.StopAsync();

        Assert.Equal(0, app.ExitCode);
        using var closed = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => closed.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port));
    }

    [Fact]
    public async Task A_port_already_taken_fails_the_start_with_the_apps_own_explanation()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<AppProcessException>(() => AppProcess.StartAsync(
            AppProcessOptions.ForStack(_stack) with { Url = new Uri($"http://127.0.0.1:{port}") },
            CancellationToken.None));

        Assert.Contains("address already in use", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
