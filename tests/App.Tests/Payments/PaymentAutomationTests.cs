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

    private static string? Step(JsonElement view) =>
        view.GetProperty("orchestration") is { ValueKind: JsonValueKind.Object } o && o.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("step").GetString()
            : null;

    private Task<HttpResponseMessage> TriggerAsync(string process) =>
        this.client.PostAsJsonAsync("/api/automation/trigger", new { process });
}
