using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>The payment HTTP API on the local stack: creation, reading, approvals and operator actions.</summary>
public sealed class PaymentApiTests(PaymentsAppFixture fixture) : IClassFixture<PaymentsAppFixture>
{
    private const string ClabesPath = "/mint_platform/v1/clabes";

    private readonly HttpClient client = fixture.Client;

    public static TheoryData<string, string> BadFields => new()
    {
        { "amount", "99.99" },
        { "amount", "150.001" },
        { "amount", "-200" },
        { "amount", "\"lots\"" },
        { "amount", "(remove)" },
        { "buyer.name", "\"  \"" },
        { "buyer.refundClabe", "\"012180000000000001\"" },
        { "buyer.refundClabe", "(remove)" },
        { "buyer.refundClabe", "(unregistered)" },
        { "amount", "1000000.01" },
        { "amount", "1e20" },
        { "amount", "\"250.00\"" },
        { "seller.name", "\"\"" },
        { "seller.clabe", "\"12345\"" },
        { "seller.clabe", "\"012180000000000001\"" },
        { "seller.clabe", "(unregistered)" },
        { "deadline", "(past)" },
        { "deadline", "\"tomorrow\"" },
        { "custodyEnd", "(past)" },
        { "custodyEnd", "(after deadline + 2 years)" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_a_400_naming_it_and_nothing_is_written_or_asked_of_juno(string field, string value)
    {
        var body = fixture.Body(change: b => Set(b, field, value));
        var paymentsBefore = (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count;
        var clabesBefore = fixture.Stack.Juno.AttemptsOn(ClabesPath);

        var response = await this.client.PostAsJsonAsync("/api/payments", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors {errors} should name {field}");
        Assert.Equal(paymentsBefore, (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count);
        Assert.Equal(clabesBefore, fixture.Stack.Juno.AttemptsOn(ClabesPath));
    }

    [Fact]
    public async Task An_amount_above_the_per_payment_limit_is_a_400_naming_the_limit()
    {
        var response = await this.client.PostAsJsonAsync("/api/payments", fixture.Body(1_000_000.01m));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("amount")[0].GetString();
        Assert.Contains("at most 1000000.00 MXN", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_and_nothing_is_written()
    {
        var paymentsBefore = (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count;
        var body = fixture.Body(change: b => b["buyer"]!["name"] = new string('a', 70 * 1024));

        var response = await this.client.PostAsJsonAsync("/api/payments", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(64 * 1024, (await response.ReadJsonAsync()).GetProperty("limitBytes").GetInt32());
        Assert.Equal(paymentsBefore, (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Creation_answers_201_with_the_payment_a_fresh_deposit_clabe_and_the_check_status_payload()
    {
        var response = await this.client.PostAsJsonAsync("/api/payments", fixture.Body(1500.00m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var payment = body.GetProperty("payment");
        var id = payment.GetProperty("id").GetString()!;
        Assert.Equal($"/api/payments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("AwaitingDeposit", payment.GetProperty("status").GetString());
        Assert.Equal(1500.00m, payment.GetProperty("amount").GetDecimal());
        Assert.Equal(0, payment.GetProperty("requiredApprovals").GetInt32());
        Assert.True(Clabe.TryParse(payment.GetProperty("depositClabe").GetString(), out var deposit));
        Assert.Equal(ClabeMask.Mask(fixture.SellerClabe.Value), payment.GetProperty("seller").GetProperty("clabe").GetString());
        Assert.StartsWith("**************", payment.GetProperty("buyer").GetProperty("refundClabe").GetString());
        Assert.Equal($"payment-{id}", body.GetProperty("checkStatus").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("escrow").ValueKind);

        // The orchestration runs and waits for the deposit; its status is reachable through the check-status URI.
        using var anonymous = fixture.App.CreateClient();
        await anonymous.WaitForStatusAtAsync(body.GetProperty("checkStatus").GetProperty("statusQueryGetUri").GetString()!, "Running");
        var stored = await fixture.Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(fixture.SellerAccountId, stored!.SellerBankAccountId);
        Assert.Equal(deposit.Value, stored.DepositClabe);
    }

    [Fact]
    public async Task A_juno_outage_while_getting_the_deposit_clabe_is_a_503_and_creates_nothing()
    {
        var paymentsBefore = (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count;
        fixture.Stack.Juno.SetFault(ClabesPath, new JunoFault { ErrorRate = 1.0 });
        try
        {
            var response = await this.client.PostAsJsonAsync("/api/payments", fixture.Body());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(paymentsBefore, (await fixture.Store.ListAsync(null, 1000, CancellationToken.None)).Count);
        }
        finally
        {
            fixture.Stack.Juno.ClearFaults();
        }
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_creates_one_payment_and_another_body_under_it_is_422()
    {
        var key = Guid.NewGuid().ToString();
        var body = fixture.Body(2500.00m);
        var clabesBefore = fixture.Stack.Juno.AttemptsOn(ClabesPath);

        var first = await this.client.SendAsync(WithKey(key, body));
        var second = await this.client.SendAsync(WithKey(key, body));
        var other = await this.client.SendAsync(WithKey(key, fixture.Body(2600.00m)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("payment").GetProperty("id").GetString();
        Assert.Equal(id, (await second.ReadJsonAsync()).GetProperty("payment").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(clabesBefore + 1, fixture.Stack.Juno.AttemptsOn(ClabesPath));
        Assert.Single(await fixture.Store.ListAsync(null, 1000, CancellationToken.None), p => p.IdempotencyKey == key);
    }

    [Fact]
    public async Task A_retry_after_the_custody_end_it_asked_for_still_gets_its_payment()
    {
        // A create cut off by a crash is retried later; the request is the same, even though its custody end has passed.
        var key = "retry-after-custody-" + Guid.NewGuid().ToString("N");
        var body = fixture.Body(2700.00m, b => b["custodyEnd"] = DateTimeOffset.UtcNow.AddSeconds(2).ToString("O"));

        var first = await this.client.SendAsync(WithKey(key, body));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var retry = await this.client.SendAsync(WithKey(key, body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(
            (await first.ReadJsonAsync()).GetProperty("payment").GetProperty("id").GetString(),
            (await retry.ReadJsonAsync()).GetProperty("payment").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Get_renders_the_timeline_in_spanish_by_default_and_in_english_when_asked()
    {
        var id = (await fixture.CreateAsync(1234.50m)).GetProperty("id").GetString()!;

        var spanish = await this.GetAsync(id, "es-MX,es;q=0.9");
        var english = await this.GetAsync(id, "en-US,en;q=0.8,es;q=0.5");
        var fallback = await this.GetAsync(id, null);

        Assert.StartsWith("Pago creado por $1,234.50 MXN", Text(spanish.Body));
        Assert.StartsWith("Payment created for $1,234.50 MXN", Text(english.Body));
        Assert.Equal(Text(spanish.Body), Text(fallback.Body));
        Assert.Equal("en", english.Language);
        Assert.Equal("es", spanish.Language);
        var created = english.Body.GetProperty("timeline")[0];
        Assert.Equal("Created", created.GetProperty("kind").GetString());
        Assert.Equal("1234.50", created.GetProperty("data").GetProperty("amountMxn").GetString());
        Assert.Equal($"payment-{id}", english.Body.GetProperty("orchestration").GetProperty("instanceId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.GetAsync("/api/payments/pay_unknown")).StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_without_timelines_and_rejects_an_unknown_status()
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString();

        var list = await (await this.client.GetAsync("/api/payments?status=awaitingdeposit&limit=1000")).ReadJsonAsync();
        var bad = await this.client.GetAsync("/api/payments?status=Lost");
        var badLimit = await this.client.GetAsync("/api/payments?limit=0");

        var listed = Assert.Single(list.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("timeline").ValueKind);
        Assert.All(list.EnumerateArray(), p => Assert.Equal("AwaitingDeposit", p.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
        Assert.True((await badLimit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Two_different_approvers_approve_a_large_payment_and_the_same_one_twice_is_409()
    {
        var payment = await fixture.CreateAsync(PaymentsAppFixture.Threshold + 4000m);
        var id = payment.GetProperty("id").GetString()!;
        Assert.Equal(2, payment.GetProperty("requiredApprovals").GetInt32());

        var alice = await this.ApproveAsync(id, PaymentsAppFixture.AliceKey);
        var aliceAgain = await this.ApproveAsync(id, PaymentsAppFixture.AliceKey);
        var bob = await this.ApproveAsync(id, PaymentsAppFixture.BobKey);

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal((1, 2), await Counts(alice));
        Assert.Equal(HttpStatusCode.Conflict, aliceAgain.StatusCode);
        Assert.Equal("application/problem+json", aliceAgain.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal((2, 2), await Counts(bob));
        var view = await (await this.client.GetAsync($"/api/payments/{id}")).ReadJsonAsync();
        Assert.Equal(["alice", "bob"], view.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("approver").GetString()));
    }

    [Fact]
    public async Task Approving_without_an_approver_key_is_401_with_an_unknown_one_403_and_an_unknown_payment_404()
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString()!;

        var none = await this.client.PostAsync($"/api/payments/{id}/approve", null);
        var wrong = await this.ApproveAsync(id, "not-an-approver");
        var unknown = await this.ApproveAsync("pay_00000000000000000000000000", PaymentsAppFixture.AliceKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await fixture.Store.FindAsync(id, CancellationToken.None))!.Approvals);
    }

    [Theory]
    [InlineData("dispute", null)]
    [InlineData("release", null)]
    [InlineData("cancel", null)]
    [InlineData("resume", null)]
    [InlineData("resolve", """{"outcome":"seller","reason":"delivered"}""")]
    public async Task An_action_the_status_does_not_allow_is_a_409_naming_the_status(string action, string? body)
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString()!;

        var response = await this.client.PostAsync($"/api/payments/{id}/{action}", ApiClient.Json(body ?? """{"reason":"test"}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("AwaitingDeposit", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("AwaitingDeposit", (await fixture.Store.FindAsync(id, CancellationToken.None))!.Status.ToString());
    }

    [Fact]
    public async Task Resolve_needs_a_known_outcome_and_actions_on_unknown_payments_are_404()
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString()!;

        var noOutcome = await this.client.PostAsync($"/api/payments/{id}/resolve", ApiClient.Json("""{"outcome":"both"}"""));
        var unknown = await this.client.PostAsync("/api/payments/pay_00000000000000000000000000/dispute", null);

        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.True((await noOutcome.ReadJsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_payment_routes_need_the_function_key()
    {
        using var anonymous = fixture.App.CreateKeyedClient("wrong-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/payments", fixture.Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/automation/status")).StatusCode);
    }

    private static void Set(JsonObject body, string field, string value)
    {
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        var name = parts[^1];
        switch (value)
        {
            case "(remove)":
                parent.Remove(name);
                break;
            case "(unregistered)":
                parent[name] = Clabe.Create("014", "180", "77700011").Value;
                break;
            case "(past)":
                parent[name] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
                break;
            case "(after deadline + 2 years)":
                parent[name] = DateTimeOffset.UtcNow.AddYears(2).AddDays(3).ToString("O");
                break;
            default:
                parent[name] = JsonNode.Parse(value);
                break;
        }
    }

    private static HttpRequestMessage WithKey(string key, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static string Text(JsonElement view) => view.GetProperty("timeline")[0].GetProperty("text").GetString()!;

    private static async Task<(int, int)> Counts(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("approvals").GetInt32(), body.GetProperty("required").GetInt32());
    }

    private async Task<(JsonElement Body, string? Language)> GetAsync(string id, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/payments/{id}");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await this.client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync(), response.Content.Headers.ContentLanguage.SingleOrDefault());
    }

    private Task<HttpResponseMessage> ApproveAsync(string id, string approverKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{id}/approve");
        request.Headers.Add("x-approver-key", approverKey);
        return this.client.SendAsync(request);
    }
}
