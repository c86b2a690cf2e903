using System.Net;
using System.Text;
using System.Text.Json;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.LocalStack.Tests.Juno;

/// <summary>The simulator over raw HTTP: authentication rules and the <c>/_sim</c> control endpoints.</summary>
public sealed class JunoSimulatorTests
{
    [Fact]
    public async Task Control_deposit_issues_mxnb_and_state_reports_it()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        using var deposit = await PostJsonAsync(http, "_sim/spei/deposits", new { amount = "250.00", receiver_clabe = sim.DefaultClabe.Value });
        using var state = JsonDocument.Parse(await http.GetStringAsync(new Uri("_sim/state", UriKind.Relative)));

        var payload = JsonDocument.Parse(await deposit.Content.ReadAsStringAsync()).RootElement.GetProperty("payload");
        Assert.Equal("ISSUANCE", payload.GetProperty("transaction_type").GetString());
        Assert.Equal("COMPLETE", payload.GetProperty("summary_status").GetString());
        Assert.Equal("250.000000", state.RootElement.GetProperty("payload").GetProperty("mxnb_balance").GetString());
    }

    [Fact]
    public async Task Deposit_to_unknown_clabe_is_refused_with_juno_error_envelope()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await PostJsonAsync(http, "_sim/spei/deposits", new { amount = "250.00", receiver_clabe = "032180000118359719" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal("clabe_not_found", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rejects_missing_authorization_tampered_body_and_replayed_nonce()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);

        using var unsigned = await http.GetAsync(new Uri("mint_platform/v1/balances", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        const string body = """{"amount":"100","network":"ARBITRUM","asset":"MXNB"}""";
        var header = signer.CreateAuthorizationHeader("POST", "/mint_platform/v1/issuance", body);
        using var tampered = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/issuance", header, body.Replace("100", "900", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Contains("invalid_signature", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var first = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/issuance", header, body);
        using var replay = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/issuance", header, body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("invalid_nonce", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(sim.Transactions);
    }

    [Fact]
    public async Task Signature_covers_the_raw_query_string()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);

        var signedForOtherQuery = signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/transactions?page=1", string.Empty);
        using var mismatch = await SendAsync(http, HttpMethod.Get, "mint_platform/v1/transactions?page=2", signedForOtherQuery, null);
        var good = signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/transactions?page=2&type=ISSUANCE", string.Empty);
        using var match = await SendAsync(http, HttpMethod.Get, "mint_platform/v1/transactions?page=2&type=ISSUANCE", good, null);

        Assert.Equal(HttpStatusCode.Unauthorized, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
    }

    [Fact]
    public async Task Faults_set_through_control_endpoint_fail_then_clear()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);

        using var set = await SendJsonAsync(http, HttpMethod.Put, "_sim/faults", new { path = "/mint_platform/v1/balances", fault = new { fail_next = 1, error_status = 502 } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var failed = await SendAsync(http, HttpMethod.Get, "mint_platform/v1/balances", signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/balances", string.Empty), null);
        using var recovered = await SendAsync(http, HttpMethod.Get, "mint_platform/v1/balances", signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/balances", string.Empty), null);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);

        using var always = await SendJsonAsync(http, HttpMethod.Put, "_sim/faults", new { path = "/", fault = new { error_rate = 1.0 } });
        using var clear = await http.DeleteAsync(new Uri("_sim/faults", UriKind.Relative));
        using var afterClear = await SendAsync(http, HttpMethod.Get, "mint_platform/v1/balances", signer.CreateAuthorizationHeader("GET", "/mint_platform/v1/balances", string.Empty), null);
        Assert.Equal(HttpStatusCode.OK, afterClear.StatusCode);
    }

    [Fact]
    public async Task Commit_then_drop_cuts_the_connection_after_the_state_changed()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);
        sim.SetFault("/mint_platform/v1/issuance", new JunoFault { DropNext = 1 });

        const string body = """{"amount":"150","network":"ARBITRUM","asset":"MXNB"}""";
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            SendAsync(http, HttpMethod.Post, "mint_platform/v1/issuance", signer.CreateAuthorizationHeader("POST", "/mint_platform/v1/issuance", body), body, "k1"));

        Assert.Single(sim.Transactions);
        Assert.Equal(150_000_000, (long)sim.MxnbBalance.BaseUnits);
    }

    [Fact]
    public async Task Payout_mode_and_return_are_scriptable_over_http()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);
        using var mode = await SendJsonAsync(http, HttpMethod.Put, "_sim/payouts/mode", new { mode = "MANUAL" });
        using var deposit = await PostJsonAsync(http, "_sim/spei/deposits", new { amount = "500.00", receiver_clabe = sim.DefaultClabe.Value });

        var body = $$"""{"amount":"200.00","destination_bank_account_id":"{{sim.DefaultBankAccountId}}","asset":"MXN"}""";
        using var redeemed = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/redemptions", signer.CreateAuthorizationHeader("POST", "/mint_platform/v1/redemptions", body), body, "r1");
        var id = JsonDocument.Parse(await redeemed.Content.ReadAsStringAsync()).RootElement.GetProperty("payload").GetProperty("id").GetString();
        Assert.Equal(300_000_000, (long)sim.MxnbBalance.BaseUnits);

        using var returned = await http.PostAsync(new Uri($"_sim/payouts/{id}/return", UriKind.Relative), null);
        using var again = await http.PostAsync(new Uri($"_sim/payouts/{id}/settle", UriKind.Relative), null);

        var payload = JsonDocument.Parse(await returned.Content.ReadAsStringAsync()).RootElement.GetProperty("payload");
        Assert.Equal("FAILED", payload.GetProperty("summary_status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(500_000_000, (long)sim.MxnbBalance.BaseUnits);
    }

    [Fact]
    public async Task Same_seed_and_calls_give_the_same_ids()
    {
        await using var a = await JunoSimulator.StartAsync(new JunoSimulatorOptions { Seed = 7 });
        await using var b = await JunoSimulator.StartAsync(new JunoSimulatorOptions { Seed = 7 });
        await using var c = await JunoSimulator.StartAsync(new JunoSimulatorOptions { Seed = 8 });

        var ids = new[] { a, b, c }.Select(s => s.SimulateSpeiDeposit(s.DefaultClabe, PaymentFunctions.Banking.Amounts.Mxn.Of(100m)).Id).ToList();

        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.Equal(a.DefaultBankAccountId, b.DefaultBankAccountId);
    }

    [Fact]
    public async Task Webhook_registration_accepts_only_transaction_events()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        var options = sim.CreateClientOptions();
        var signer = new JunoRequestSigner(options.ApiKey, options.ApiSecret);

        const string bad = """{"callback_url":"http://127.0.0.1:1/hook","events":["PAYMENT"]}""";
        using var refused = await SendAsync(http, HttpMethod.Post, "v4/webhooks", signer.CreateAuthorizationHeader("POST", "/v4/webhooks", bad), bad);
        const string good = """{"callback_url":"http://127.0.0.1:1/hook","events":["TRANSACTION"]}""";
        using var accepted = await SendAsync(http, HttpMethod.Post, "v4/webhooks", signer.CreateAuthorizationHeader("POST", "/v4/webhooks", good), good);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var doc = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal("Webhook successfully created", doc.RootElement.GetProperty("message").GetString());
        Assert.Equal("transaction", doc.RootElement.GetProperty("webhooks")[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task A_client_written_from_the_documentation_redeems_with_a_numeric_amount_and_reads_the_transaction_details()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        await DepositAsync(http, sim, 500);

        // The amount as a JSON number, where Juno accepts a number as well as a string.
        var body = $$"""{"amount":200.50,"destination_bank_account_id":"{{sim.DefaultBankAccountId}}","asset":"MXN"}""";
        var details = await CreateThenReadDetailsAsync(http, sim, "/mint_platform/v1/redemptions", body, "doc-1");

        Assert.Matches("^[0-9a-f-]{36}$", details.GetProperty("transaction_id").GetString());
        Assert.Equal("REDEMPTION", details.GetProperty("transaction_type").GetString());
        Assert.Equal("COMPLETE", details.GetProperty("status").GetString());
        Assert.Equal("MXN", details.GetProperty("currency").GetString());
        Assert.Equal(200.50m, details.GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Object, details.GetProperty("details").ValueKind);
        var timeline = details.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["REQUESTED", "COMPLETE"], timeline.Select(s => s.GetProperty("step").GetString()));
        Assert.False(timeline[0].TryGetProperty("receipt", out _));
        Assert.Equal(details.GetProperty("details").GetProperty("tracking_key").GetString(), timeline[1].GetProperty("receipt").GetString());
    }

    [Fact]
    public async Task A_client_written_from_the_documentation_pages_the_transactions_list_by_its_spring_page_fields()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        foreach (var amount in new[] { 300, 400, 500 })
        {
            await DepositAsync(http, sim, amount);
        }

        // The documented filters (type, amountFrom): two of the three match, one per page.
        var page = await GetPayloadAsync(http, sim, "/mint_platform/v1/transactions?type=ISSUANCE&amountFrom=350&page=1&size=1");

        var only = Assert.Single(page.GetProperty("content").EnumerateArray());
        Assert.Equal(500m, only.GetProperty("amount").GetDecimal());
        Assert.Equal("ISSUANCE", only.GetProperty("transaction_type").GetString());
        Assert.Equal(2, page.GetProperty("total_elements").GetInt32());
        Assert.Equal(2, page.GetProperty("total_pages").GetInt32());
        Assert.Equal(1, page.GetProperty("size").GetInt32());
        Assert.Equal(0, page.GetProperty("number").GetInt32());
        Assert.Equal(1, page.GetProperty("number_of_elements").GetInt32());
        Assert.True(page.GetProperty("first").GetBoolean());
        Assert.False(page.GetProperty("last").GetBoolean());
        Assert.False(page.GetProperty("empty").GetBoolean());
        Assert.Equal(0, page.GetProperty("pageable").GetProperty("page_number").GetInt32());
        Assert.Equal(1, page.GetProperty("pageable").GetProperty("page_size").GetInt32());
        Assert.False(page.TryGetProperty("response", out _));

        var oldest = await GetPayloadAsync(http, sim, "/mint_platform/v1/transactions?type=ISSUANCE&sort=createdAt,ASC&size=3");
        Assert.Equal([300m, 400m, 500m], oldest.GetProperty("content").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        var newest = await GetPayloadAsync(http, sim, "/mint_platform/v1/transactions?type=ISSUANCE&sort=createdAt,DESC&size=3");
        Assert.Equal([500m, 400m, 300m], newest.GetProperty("content").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_client_written_from_the_documentation_finds_a_withdrawals_chain_hash_in_the_tokens_transferred_step()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        await DepositAsync(http, sim, 500);

        var body = """{"amount":120.25,"asset":"MXNB","address":"0x1111111111111111111111111111111111111111","blockchain":"ARBITRUM","compliance":{}}""";
        var details = await CreateThenReadDetailsAsync(http, sim, "/mint_platform/v1/withdrawals", body, "doc-w1");

        Assert.Equal("CRYPTO_WITHDRAWAL", details.GetProperty("transaction_type").GetString());
        var transferred = Assert.Single(details.GetProperty("timeline").EnumerateArray(), s => s.GetProperty("step").GetString() == "Tokens transferred");
        var hash = transferred.GetProperty("receipt").GetString();
        Assert.StartsWith("0x", hash, StringComparison.Ordinal);
        Assert.Equal(details.GetProperty("details").GetProperty("tx_hash").GetString(), hash);
    }

    [Fact]
    public async Task A_client_written_from_the_documentation_lists_clabes_by_creation_day_with_counts_as_strings()
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        using var created = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/clabes", Sign(sim, "POST", "/mint_platform/v1/clabes", ""), null);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var all = await GetPayloadAsync(http, sim, "/spei/v1/clabes?clabe_type=AUTO_PAYMENT&start_date=2000-01-01&end_date=2999-12-31&page=1&page_size=25");
        var none = await GetPayloadAsync(http, sim, "/spei/v1/clabes?clabe_type=AUTO_PAYMENT&start_date=2999-01-01");

        Assert.Equal("2", all.GetProperty("total_items").GetString());
        Assert.Equal("1", all.GetProperty("total_pages").GetString());
        Assert.Equal("1", all.GetProperty("current_page").GetString());
        Assert.Equal("25", all.GetProperty("page_size").GetString());
        Assert.All(all.GetProperty("response").EnumerateArray(), c => Assert.Equal("AUTO_PAYMENT", c.GetProperty("type").GetString()));
        Assert.Equal("0", none.GetProperty("total_items").GetString());
        Assert.Empty(none.GetProperty("response").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"destination_bank_account_id":"x","asset":"MXN"}""", "amount")]
    [InlineData("""{"amount":true,"asset":"MXN"}""", "amount")]
    [InlineData("""{"amount":"200","asset":7}""", "asset")]
    public async Task An_invalid_body_is_a_400_naming_the_field(string body, string field)
    {
        await using var sim = await JunoSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await SendAsync(http, HttpMethod.Post, "mint_platform/v1/redemptions", Sign(sim, "POST", "/mint_platform/v1/redemptions", body), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("invalid_request", error.GetProperty("code").GetString());
        Assert.Contains($"'{field}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task DepositAsync(HttpClient http, JunoSimulator sim, decimal amount)
    {
        using var deposit = await PostJsonAsync(http, "_sim/spei/deposits", new { amount, receiver_clabe = sim.DefaultClabe.Value });
        Assert.Equal(HttpStatusCode.OK, deposit.StatusCode);
    }

    /// <summary>What a documented client does: create, then read the details by the returned <c>transaction_id</c>.</summary>
    private static async Task<JsonElement> CreateThenReadDetailsAsync(HttpClient http, JunoSimulator sim, string path, string body, string idempotencyKey)
    {
        using var created = await SendAsync(http, HttpMethod.Post, path[1..], Sign(sim, "POST", path, body), body, idempotencyKey);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = doc.RootElement.GetProperty("payload").GetProperty("transaction_id").GetString()!;
        return await GetPayloadAsync(http, sim, "/mint_platform/v1/transactions/" + id);
    }

    private static async Task<JsonElement> GetPayloadAsync(HttpClient http, JunoSimulator sim, string path)
    {
        using var read = await SendAsync(http, HttpMethod.Get, path[1..], Sign(sim, "GET", path, ""), null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var doc = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("payload").Clone();
    }

    /// <summary>The Authorization header a documented client computes with the simulator's credentials.</summary>
    private static string Sign(JunoSimulator sim, string method, string path, string body)
    {
        var options = sim.CreateClientOptions();
        return new JunoRequestSigner(options.ApiKey, options.ApiSecret).CreateAuthorizationHeader(method, path, body);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, object body) =>
        SendJsonAsync(http, HttpMethod.Post, path, body);

    private static Task<HttpResponseMessage> SendJsonAsync(HttpClient http, HttpMethod method, string path, object body) =>
        SendAsync(http, method, path, null, JsonSerializer.Serialize(body));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? authorization, string? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }
}
