using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Banking.Juno;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>The automation status and manual triggers, against deposits made at the Juno simulator.</summary>
public sealed class PaymentAutomationTests(PaymentsAppFixture fixture) : IClassFixture<PaymentsAppFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Status_lists_the_four_timers_with_their_schedules_and_next_runs()
    {
        var status = await (await this.client.GetAsync("/api/automation/status")).ReadJsonAsync();

        var processes = status.EnumerateArray().ToList();
        Assert.Equal(["deposits", "custody", "sync", "stuck"], processes.Select(p => p.GetProperty("process").GetString()));
        Assert.All(processes, p =>
        {
            Assert.Equal("0 0 0 1 1 *", p.GetProperty("schedule").GetString());
            Assert.StartsWith("Payment", p.GetProperty("timer").GetString());
            Assert.Equal(1, p.GetProperty("nextRun").GetDateTimeOffset().Month);
        });
    }

    [Fact]
    public async Task Triggering_deposits_matches_a_spei_deposit_and_the_orchestration_moves_past_awaiting_deposit()
    {
        var payment = await fixture.CreateAsync(1750.25m);
        var id = payment.GetProperty("id").GetString()!;
        var orchestration = await fixture.WaitForPaymentAsync(id, v => Step(v) == "awaiting-deposit");
        Assert.Equal("Running", orchestration.GetProperty("orchestration").GetProperty("runtimeStatus").GetString());
        var deposit = fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(1750.25m));

        var run = await this.TriggerAsync("deposits");

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var result = await run.ReadJsonAsync();
        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.Equal(1, result.GetProperty("counts").GetProperty("matched").GetInt32());
        var stored = await fixture.Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(deposit.Id, stored!.DepositTransactionId);
        Assert.NotEqual(PaymentStatus.AwaitingDeposit, stored.Status);
        await fixture.WaitForPaymentAsync(id, v => Step(v) is not (null or "awaiting-deposit"));

        // A second pass finds nothing new, and the status shows the last result.
        var again = await (await this.TriggerAsync("deposits")).ReadJsonAsync();
        Assert.Equal(0, again.GetProperty("counts").GetProperty("matched").GetInt32());
        var status = await (await this.client.GetAsync("/api/automation/status")).ReadJsonAsync();
        var deposits = status.EnumerateArray().Single(p => p.GetProperty("process").GetString() == "deposits");
        Assert.Equal("manual", deposits.GetProperty("lastResult").GetProperty("trigger").GetString());
        Assert.Equal(again.GetProperty("summary").GetString(), deposits.GetProperty("lastResult").GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_deposit_of_another_amount_is_not_matched()
    {
        var payment = await fixture.CreateAsync(1900.00m);
        var id = payment.GetProperty("id").GetString()!;
        fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(1899.99m));

        var result = await (await this.TriggerAsync("deposits")).ReadJsonAsync();

        Assert.True(result.GetProperty("succeeded").GetBoolean());
        var stored = await fixture.Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(PaymentStatus.AwaitingDeposit, stored!.Status);
        Assert.Null(stored.DepositTransactionId);

        // The money is at the platform all the same: the payment's timeline says so, once however often detection runs.
        await this.TriggerAsync("deposits");
        var unmatched = Assert.Single((await fixture.Store.FindAsync(id, CancellationToken.None))!.Timeline, e => e.Kind == TimelineEventKind.UnmatchedDeposit);
        Assert.Equal("1899.99", unmatched.Data[TimelineData.AmountMxn]);
    }

    [Fact]
    public async Task A_deposit_claimed_but_never_signalled_is_signalled_again_by_the_next_pass()
    {
        var payment = await fixture.CreateAsync(1820.00m);
        var id = payment.GetProperty("id").GetString()!;
        await fixture.WaitForPaymentAsync(id, v => Step(v) == "awaiting-deposit");
        var deposit = fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(1820.00m));

        // As if the host stopped between the claim and the event.
        Assert.True(await fixture.Store.ClaimDepositAsync(id, deposit.Id, CancellationToken.None));
        var result = await (await this.TriggerAsync("deposits")).ReadJsonAsync();

        Assert.Equal(1, result.GetProperty("counts").GetProperty("reraised").GetInt32());
        await fixture.WaitForPaymentAsync(id, v => Step(v) is not (null or "awaiting-deposit"));
    }

    [Fact]
    public async Task A_payment_whose_orchestration_never_started_is_started_when_its_deposit_is_matched()
    {
        // As if the host stopped between inserting the payment and starting its orchestration.
        var depositClabe = (await fixture.App.Services.GetRequiredService<IJunoClient>().CreateClabeAsync()).Clabe;
        var created = await fixture.Store.CreateAsync(
            new NewPayment(1830.00m, "Comprador", null, "Vendedora de Prueba", fixture.SellerClabe.Value, fixture.SellerAccountId, depositClabe,
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1), 0),
            idempotencyKey: null,
            CancellationToken.None);
        var id = created.Payment.Id;
        fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(depositClabe), Mxn.Of(1830.00m));

        var result = await (await this.TriggerAsync("deposits")).ReadJsonAsync();

        Assert.Equal(1, result.GetProperty("counts").GetProperty("matched").GetInt32());
        await fixture.WaitForPaymentAsync(id, v => Step(v) is not (null or "awaiting-deposit"));
    }

    [Fact]
    public async Task Sync_records_drift_once_when_the_chain_does_not_know_the_escrow()
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString()!;
        var escrowId = Random.Shared.Next(100_000, 900_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.Store.SaveEscrowAsync(
            new Escrow
            {
                PaymentId = id,
                OnChainId = escrowId,
                ContractAddress = fixture.Stack.Deployment.Escrow.ToString(),
                PayerAddress = fixture.Stack.BridgeAddress.ToString(),
                PayeeAddress = fixture.Stack.PlatformDepositAddress.ToString(),
                AmountBaseUnits = 1_500_000_000,
                ApproveTransactionHash = "0x01",
                CreateTransactionHash = "0x02",
                Status = EscrowStatus.Funded,
            },
            CancellationToken.None);

        var first = await (await this.TriggerAsync("sync")).ReadJsonAsync();
        await this.TriggerAsync("sync");

        Assert.True(first.GetProperty("counts").GetProperty("drifted").GetInt32() >= 1);
        var drift = Assert.Single((await fixture.Store.FindAsync(id, CancellationToken.None))!.Timeline, e => e.Kind == TimelineEventKind.ChainDrift);
        Assert.Equal("Missing", drift.Data[TimelineData.Status]);
        Assert.Equal(escrowId, drift.Data[TimelineData.EscrowId]);
    }

    [Fact]
    public async Task Stuck_detection_flags_an_idle_payment_once_an_hour_without_counting_it_as_progress()
    {
        var id = (await fixture.CreateAsync()).GetProperty("id").GetString()!;
        var before = (await fixture.Store.FindAsync(id, CancellationToken.None))!;
        var hourBefore = DateTimeOffset.UtcNow.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

        var first = await (await this.TriggerAsync("stuck")).ReadJsonAsync();
        await this.TriggerAsync("stuck");
        var hourAfter = DateTimeOffset.UtcNow.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(first.GetProperty("counts").GetProperty("stuck").GetInt32() >= 1);
        var after = (await fixture.Store.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(hourBefore == hourAfter ? 1 : 2, after.Timeline.Count(e => e.Kind == TimelineEventKind.Stuck));
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        var english = await (await this.client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/payments/{id}") { Headers = { { "Accept-Language", "en" } } })).ReadJsonAsync();
        Assert.Contains(english.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString()!.StartsWith("The payment has made no progress since", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Custody_report_counts_payments_in_custody_past_their_custody_end()
    {
        var response = await this.client.PostAsJsonAsync("/api/payments", fixture.Body(change: b => b.Remove("custodyEnd")));
        var id = (await response.ReadJsonAsync()).GetProperty("payment").GetProperty("id").GetString()!;
        await fixture.Store.SetStatusAsync(id, PaymentStatus.InCustody, null, CancellationToken.None);

        var result = await (await this.TriggerAsync("custody")).ReadJsonAsync();

        Assert.True(result.GetProperty("counts").GetProperty("overdue").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("custody", "overdue")]
    [InlineData("sync", "drifted")]
    [InlineData("stuck", "stuck")]
    public async Task The_other_processes_run_on_demand_and_report_counts(string process, string count)
    {
        var result = await (await this.TriggerAsync(process)).ReadJsonAsync();

        Assert.Equal(process, result.GetProperty("process").GetString());
        Assert.True(result.GetProperty("succeeded").GetBoolean());
        Assert.True(result.GetProperty("counts").TryGetProperty(count, out _));
    }

    [Theory]
    [InlineData("""{"process":"everything"}""")]
    [InlineData("""{}""")]
    public async Task Triggering_an_unknown_process_is_a_400_naming_process(string body)
    {
        var response = await this.client.PostAsync("/api/automation/trigger", ApiClient.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("process", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_payment_routes()
    {
        var document = await (await fixture.App.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/payments").TryGetProperty("post", out var create));
        Assert.True(create.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.TryGetProperty("/api/payments/{id}/approve", out _));
        Assert.True(paths.TryGetProperty("/api/automation/trigger", out _));
        Assert.True(paths.TryGetProperty("/api/webhooks/juno", out _));
    }

    [Fact]
    public async Task The_openapi_document_says_amounts_are_json_numbers_and_oversize_bodies_are_413()
    {
        var document = await (await fixture.App.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var amount = document.GetProperty("components").GetProperty("schemas").GetProperty("CreatePaymentRequest").GetProperty("properties").GetProperty("amount");
        Assert.DoesNotContain("string", amount.GetProperty("type").ToString(), StringComparison.Ordinal);
        Assert.True(amount.TryGetProperty("description", out var said) && said.GetString()!.Contains("refused with 400", StringComparison.Ordinal), amount.ToString());
        var create = document.GetProperty("paths").GetProperty("/api/payments").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("413", out _));
        Assert.Contains("\"250.00\" is refused with 400", create.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static string? Step(JsonElement view) =>
        view.GetProperty("orchestration") is { ValueKind: JsonValueKind.Object } o && o.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("step").GetString()
            : null;

    private Task<HttpResponseMessage> TriggerAsync(string process) =>
        this.client.PostAsJsonAsync("/api/automation/trigger", new { process });
}
