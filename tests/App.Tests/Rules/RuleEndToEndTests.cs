using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using PaymentFunctions.App.Tests.Payments;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.App.Tests.Rules;

/// <summary>
/// Payment rules end to end through the API on the local stack: each rule type moves the recipients' balances by
/// exactly the expected amounts, approvals are enforced, expiry and simulation send nothing, limits refuse by name,
/// a schedule fires, and a tampered audit entry is found.
/// </summary>
[Collection(RulesCollection.Name)]
public sealed class RuleEndToEndTests(RulesAppFixture app)
{
    [Fact]
    public async Task A_bad_rule_lists_every_problem_with_its_path_and_nothing_is_stored()
    {
        var rule = app.ContractorPayment(app.TakeWallet(), 100m);
        rule["recipient"]!["address"] = app.Source; // business: self-payment
        rule["amount"]!["value"] = 0.0000001m; // financial: precision
        rule["conditions"] = new JsonArray(new JsonObject { ["type"] = "time_window", ["days"] = new JsonArray("mon"), ["start_hour"] = 9, ["end_hour"] = 5 });
        var before = (await (await app.Client.GetAsync("/api/audit/rules?limit=1000")).ReadJsonAsync()).GetArrayLength();

        var response = await app.As(PaymentsAppFixture.AliceKey).PostAsJsonAsync("/api/rules", rule);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = body.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("layer").GetString()} {p.GetProperty("path").GetString()}").ToList();
        Assert.Contains("business_logic $.recipient.address", problems);
        Assert.Contains("business_logic $.conditions[0].end_hour", problems);
        Assert.Contains("financial $.amount.value", problems);
        Assert.True(body.GetProperty("errors").TryGetProperty("$.recipient.address", out _));
        Assert.Equal(before, (await (await app.Client.GetAsync("/api/audit/rules?limit=1000")).ReadJsonAsync()).GetArrayLength());

        var structural = await app.As(PaymentsAppFixture.AliceKey).PostAsync("/api/rules", ApiClient.Json("""{"type":"contractor_payment","amount":"12"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, structural.StatusCode);
        Assert.Contains("$.amount", (await structural.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_contractor_payment_needs_someone_other_than_the_requester_and_moves_exactly_its_amount()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(1_000m);
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(recipient, 123.456789m));
        var sourceBefore = await app.BalanceAsync(app.Source);

        var executionId = await app.ExecuteAsync(ruleId);
        await app.WaitForExecutionAsync(executionId, "AwaitingApproval");
        var own = await app.DecideAsync(executionId, PaymentsAppFixture.AliceKey);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
        var done = await app.WaitForExecutionAsync(executionId, "Completed", "Refused", "Failed", "Expired");

        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(123.456789m, await app.BalanceAsync(recipient));
        Assert.Equal(sourceBefore - 123.456789m, await app.BalanceAsync(app.Source));
        var transfer = Assert.Single(done.GetProperty("postState").GetProperty("transfers").EnumerateArray());
        Assert.StartsWith("0x", transfer.GetProperty("transaction_hash").GetString(), StringComparison.Ordinal);
        Assert.True(transfer.GetProperty("gas_used").GetInt64() > 0);
        Assert.True(transfer.GetProperty("confirmations").GetInt64() >= 3);
        Assert.Equal(123.456789m, done.GetProperty("postState").GetProperty("final_balances").GetProperty(recipient).GetDecimal());
        Assert.Equal(sourceBefore, done.GetProperty("preState").GetProperty("balances").GetProperty(app.Source).GetDecimal());

        var history = await (await app.Client.GetAsync($"/api/rules/{ruleId}/history")).ReadJsonAsync();
        Assert.Equal(["created", "approved", "completed"], history.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.True((await (await app.Client.GetAsync("/api/audit/rules/verify")).ReadJsonAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_large_amount_needs_two_different_approvers()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(RulesAppFixture.LargeAmount);
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(recipient, RulesAppFixture.LargeAmount));

        var executionId = await app.ExecuteAsync(ruleId);
        await app.WaitForExecutionAsync(executionId, "AwaitingApproval");
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
        await Task.Delay(1000);
        Assert.Equal("AwaitingApproval", (await app.WaitForExecutionAsync(executionId, "AwaitingApproval")).GetProperty("status").GetString());
        Assert.Equal(0m, await app.BalanceAsync(recipient));

        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, RulesAppFixture.CarolKey)).StatusCode);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(executionId, "Completed", "Refused", "Failed")).GetProperty("status").GetString());
        Assert.Equal(RulesAppFixture.LargeAmount, await app.BalanceAsync(recipient));
    }

    [Fact]
    public async Task A_revenue_allocation_splits_the_source_balance_exactly()
    {
        var (operations, savings) = (app.TakeWallet(), app.TakeWallet());
        await app.FundSourceAsync(250m);
        var rule = new JsonObject
        {
            ["type"] = "revenue_allocation",
            ["name"] = "60/40",
            ["source_account"] = app.Source,
            ["allocations"] = new JsonArray(
                new JsonObject { ["target"] = operations, ["percentage"] = 60, ["name"] = "operations" },
                new JsonObject { ["target"] = savings, ["percentage"] = 40, ["name"] = "savings" }),
            ["trigger"] = new JsonObject { ["type"] = "schedule", ["schedule"] = new JsonObject { ["frequency"] = "weekly", ["day"] = "monday" } },
            ["minimum_amount"] = 10,
        };
        var ruleId = await app.CreateRuleAsync(rule);

        var executionId = await app.ExecuteAsync(ruleId, RulesAppFixture.CarolKey);
        var waiting = await app.WaitForExecutionAsync(executionId, "AwaitingApproval", "Refused");
        var revenue = waiting.GetProperty("total").GetDecimal();

        // Whatever earlier tests left on the source is revenue too; two approvers cover a large total.
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.AliceKey)).StatusCode);
        var done = await app.WaitForExecutionAsync(executionId, "Completed", "Refused", "Failed", "CompensationRequired");

        Assert.Equal("Completed", done.GetProperty("status").GetString());
        var sixty = decimal.Round(revenue * 0.6m, 6, MidpointRounding.ToZero);
        Assert.Equal(sixty, await app.BalanceAsync(operations));
        Assert.Equal(revenue - sixty, await app.BalanceAsync(savings));
        Assert.Equal(0m, await app.BalanceAsync(app.Source));
        Assert.Equal(2, done.GetProperty("postState").GetProperty("transfers").GetArrayLength());
    }

    [Fact]
    public async Task A_transfer_failing_for_good_stops_the_rest_and_records_what_needs_reversal()
    {
        var first = app.TakeWallet();
        await app.FundSourceAsync(20m);
        var rule = new JsonObject
        {
            ["type"] = "revenue_allocation",
            ["name"] = "One good share, one refused by the token",
            ["source_account"] = app.Source,
            ["allocations"] = new JsonArray(
                new JsonObject { ["target"] = first, ["percentage"] = 50, ["name"] = "good" },
                new JsonObject { ["target"] = RulesAppFixture.ZeroAddress, ["percentage"] = 50, ["name"] = "refused" }),
            ["trigger"] = new JsonObject { ["type"] = "schedule", ["schedule"] = new JsonObject { ["frequency"] = "weekly", ["day"] = 2 } },
            ["minimum_amount"] = 1,
        };
        var ruleId = await app.CreateRuleAsync(rule);
        var executionId = await app.ExecuteAsync(ruleId);
        var total = (await app.WaitForExecutionAsync(executionId, "AwaitingApproval", "Refused")).GetProperty("total").GetDecimal();
        await app.DecideAsync(executionId, PaymentsAppFixture.BobKey);
        await app.DecideAsync(executionId, RulesAppFixture.CarolKey);

        var done = await app.WaitForExecutionAsync(executionId, "CompensationRequired", "Completed", "Failed", "Refused");

        Assert.Equal("CompensationRequired", done.GetProperty("status").GetString());
        var sent = Assert.Single(done.GetProperty("postState").GetProperty("transfers").EnumerateArray());
        Assert.Equal(0, sent.GetProperty("index").GetInt32());
        Assert.Equal(decimal.Round(total / 2, 6, MidpointRounding.ToZero), await app.BalanceAsync(first));
        Assert.Contains(sent.GetProperty("transaction_hash").GetString()!, done.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var history = await (await app.Client.GetAsync($"/api/rules/{ruleId}/history")).ReadJsonAsync();
        Assert.Equal("compensationrequired", history.GetProperty("history").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_allocation_the_source_no_longer_covers_when_approved_is_refused_whole_with_nothing_sent()
    {
        // Empty the source, then give it exactly 100 to allocate 40/60.
        await app.FundSourceAsync(1m);
        var drain = await app.ExecuteAsync(await app.CreateRuleAsync(app.RevenueAllocation("Empty the source", (app.TakeWallet(), 50), (app.TakeWallet(), 50))));
        await app.WaitForExecutionAsync(drain, "AwaitingApproval");
        await app.DecideAsync(drain, PaymentsAppFixture.BobKey);
        await app.DecideAsync(drain, RulesAppFixture.CarolKey);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(drain, "Completed", "Refused", "Failed", "CompensationRequired")).GetProperty("status").GetString());
        await app.FundSourceAsync(100m);
        var (operations, savings) = (app.TakeWallet(), app.TakeWallet());
        var ruleId = await app.CreateRuleAsync(app.RevenueAllocation("40/60", (operations, 40), (savings, 60)));
        var split = await app.ExecuteAsync(ruleId);
        Assert.Equal(100m, (await app.WaitForExecutionAsync(split, "AwaitingApproval")).GetProperty("total").GetDecimal());

        // While it waits for approval, a contractor payment takes half: 40 could still be sent, 60 could not.
        var payment = await app.ExecuteAsync(await app.CreateRuleAsync(app.ContractorPayment(app.TakeWallet(), 50m)));
        await app.WaitForExecutionAsync(payment, "AwaitingApproval");
        await app.DecideAsync(payment, PaymentsAppFixture.BobKey);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(payment, "Completed", "Refused", "Failed")).GetProperty("status").GetString());
        var nonce = await app.SourceNonceAsync();

        await app.DecideAsync(split, PaymentsAppFixture.BobKey);
        await app.DecideAsync(split, RulesAppFixture.CarolKey);
        var done = await app.WaitForExecutionAsync(split, "Refused", "Completed", "CompensationRequired", "Failed");

        Assert.Equal("Refused", done.GetProperty("status").GetString());
        Assert.Contains(SafetyLimits.Names.SourceBalance, done.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(nonce, await app.SourceNonceAsync());
        Assert.Equal(0m, await app.BalanceAsync(operations));
        Assert.Equal(0m, await app.BalanceAsync(savings));
        Assert.Equal(50m, await app.BalanceAsync(app.Source));
        var history = await (await app.Client.GetAsync($"/api/rules/{ruleId}/history")).ReadJsonAsync();
        Assert.Equal(SafetyLimits.Names.SourceBalance, history.GetProperty("history").EnumerateArray().Last().GetProperty("limit").GetString());
    }

    [Fact]
    public async Task An_execute_retried_with_its_idempotency_key_answers_with_the_execution_it_started()
    {
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(app.TakeWallet(), 1m));
        async Task<(HttpStatusCode Status, JsonElement Body)> Execute(string key, string body = "{}", string approverKey = PaymentsAppFixture.AliceKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rules/{ruleId}/execute") { Content = ApiClient.Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await app.As(approverKey).SendAsync(request);
            return (response.StatusCode, await response.ReadJsonAsync());
        }

        var first = await Execute("march-payout");
        var location = first.Body.GetProperty("location").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync(location)).StatusCode); // recorded before it starts
        var again = await Execute("march-payout");
        var otherMode = await Execute("march-payout", """{"mode":"simulation"}""");
        var otherRequester = await Execute("march-payout", approverKey: PaymentsAppFixture.BobKey);
        var blank = await Execute(" ");

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Body.GetProperty("executionId").GetString(), again.Body.GetProperty("executionId").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherMode.Status);
        Assert.Equal(HttpStatusCode.Accepted, otherRequester.Status);
        Assert.NotEqual(first.Body.GetProperty("executionId").GetString(), otherRequester.Body.GetProperty("executionId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.True(blank.Body.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        await app.WaitForExecutionAsync(first.Body.GetProperty("executionId").GetString()!, "AwaitingApproval");
    }

    [Fact]
    public async Task A_profit_distribution_needs_every_stakeholder()
    {
        var (a, b) = (app.TakeWallet(), app.TakeWallet());
        await app.FundSourceAsync(300m);
        var rule = new JsonObject
        {
            ["type"] = "profit_distribution",
            ["name"] = "Quarterly profit",
            ["source_account"] = app.Source,
            ["profit_threshold"] = 100,
            ["distribution_rules"] = new JsonArray(
                new JsonObject { ["target"] = a, ["percentage"] = 50, ["name"] = "alice" },
                new JsonObject { ["target"] = b, ["percentage"] = 50, ["name"] = "bob" }),
            ["calculation_period"] = "quarterly",
            ["stakeholders"] = new JsonArray("alice", "bob"),
        };
        var ruleId = await app.CreateRuleAsync(rule, RulesAppFixture.CarolKey);
        var sourceBefore = await app.BalanceAsync(app.Source);

        var executionId = await app.ExecuteAsync(ruleId, RulesAppFixture.CarolKey);
        var waiting = await app.WaitForExecutionAsync(executionId, "AwaitingApproval", "Refused");
        var profitAbove = waiting.GetProperty("total").GetDecimal();
        Assert.Equal(sourceBefore - 100m, profitAbove);
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.AliceKey)).StatusCode);
        await Task.Delay(1000);
        Assert.Equal(0m, await app.BalanceAsync(a));
        Assert.Equal(HttpStatusCode.OK, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(executionId, "Completed", "Refused", "Failed")).GetProperty("status").GetString());

        var half = decimal.Round(profitAbove / 2, 6, MidpointRounding.ToZero);
        Assert.Equal(half, await app.BalanceAsync(a));
        Assert.Equal(profitAbove - half, await app.BalanceAsync(b));
        Assert.Equal(100m, await app.BalanceAsync(app.Source));
    }

    [Fact]
    public async Task An_expired_approval_ends_the_execution_with_nothing_sent()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(10m);
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(recipient, 10m));
        var nonce = await app.SourceNonceAsync();

        var executionId = await app.ExecuteAsync(ruleId);
        var done = await app.WaitForExecutionAsync(executionId, "Expired", "Completed", "Refused");

        Assert.Equal("Expired", done.GetProperty("status").GetString());
        Assert.Equal(0m, await app.BalanceAsync(recipient));
        Assert.Equal(nonce, await app.SourceNonceAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await app.DecideAsync(executionId, PaymentsAppFixture.BobKey)).StatusCode);
    }

    [Fact]
    public async Task A_simulation_validates_and_estimates_but_signs_and_sends_nothing()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(42m);
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(recipient, 42m));
        var nonce = await app.SourceNonceAsync();

        var response = await app.As(PaymentsAppFixture.AliceKey).PostAsync($"/api/rules/{ruleId}/simulate", null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Simulated", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("postState").GetProperty("estimate").GetProperty("gas_per_transfer")[0].GetInt64() > 21_000);
        Assert.Equal(nonce, await app.SourceNonceAsync());
        Assert.Equal(0m, await app.BalanceAsync(recipient));
    }

    [Fact]
    public async Task Safety_limits_refuse_by_name_on_the_history()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(400m);
        var first = await app.CreateRuleAsync(app.ContractorPayment(recipient, 400m));
        var again = await app.ExecuteAsync(first);
        await app.WaitForExecutionAsync(again, "AwaitingApproval");
        await app.DecideAsync(again, PaymentsAppFixture.BobKey);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(again, "Completed", "Refused", "Failed")).GetProperty("status").GetString());

        // The same rule again within the hour: min_interval_minutes.
        await app.FundSourceAsync(400m);
        var tooSoon = await app.ExecuteAsync(first);
        await app.WaitForExecutionAsync(tooSoon, "AwaitingApproval");
        await app.DecideAsync(tooSoon, PaymentsAppFixture.BobKey);
        var refused = await app.WaitForExecutionAsync(tooSoon, "Refused", "Completed");
        Assert.Equal("Refused", refused.GetProperty("status").GetString());

        var history = await (await app.Client.GetAsync($"/api/rules/{first}/history")).ReadJsonAsync();
        Assert.Equal("min_interval_minutes", history.GetProperty("history").EnumerateArray().Last().GetProperty("limit").GetString());

        // The same recipient from another rule past its daily maximum (5,000 here; 400 received already): recipient_daily_max.
        await app.FundSourceAsync(4_601m);
        var more = await app.CreateRuleAsync(app.ContractorPayment(recipient, 4_601m));
        var over = await app.ExecuteAsync(more);
        await app.WaitForExecutionAsync(over, "AwaitingApproval");
        await app.DecideAsync(over, PaymentsAppFixture.BobKey);
        await app.DecideAsync(over, RulesAppFixture.CarolKey);
        Assert.Equal("Refused", (await app.WaitForExecutionAsync(over, "Refused", "Completed")).GetProperty("status").GetString());
        var overHistory = await (await app.Client.GetAsync($"/api/rules/{more}/history")).ReadJsonAsync();
        Assert.Equal("recipient_daily_max", overHistory.GetProperty("history").EnumerateArray().Last().GetProperty("limit").GetString());
        Assert.Equal(400m, await app.BalanceAsync(recipient));
        var audit = await (await app.Client.GetAsync($"/api/audit/rules?ruleId={more}")).ReadJsonAsync();
        Assert.Contains("recipient_daily_max", audit.EnumerateArray().Last().GetProperty("postState").GetString(), StringComparison.Ordinal);

        // A recipient not whitelisted long enough: the security layer refuses it at execution, by name.
        var fresh = await app.CreateRuleAsync(app.ContractorPayment(app.NewWalletOnList, 1m));
        var delayed = await app.WaitForExecutionAsync(await app.ExecuteAsync(fresh), "Refused", "AwaitingApproval");
        Assert.Equal("Refused", delayed.GetProperty("status").GetString());
        Assert.Contains("new_recipient_delay_hours", delayed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monthly_schedule_fires_on_its_day()
    {
        var recipient = app.TakeWallet();
        await app.FundSourceAsync(7m);
        var due = DateTimeOffset.UtcNow.AddSeconds(8);
        var schedule = new JsonObject { ["frequency"] = "monthly", ["day"] = due.Day, ["time"] = due.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) };
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(recipient, 7m, schedule));

        string? executionId = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (executionId is null)
        {
            await Task.Delay(250, timeout.Token);
            var executions = (await (await app.Client.GetAsync($"/api/rules/{ruleId}/history")).ReadJsonAsync()).GetProperty("executions");
            executionId = executions.GetArrayLength() > 0 ? executions[0].GetProperty("id").GetString() : null;
        }

        var waiting = await app.WaitForExecutionAsync(executionId, "AwaitingApproval", "Refused");
        Assert.Equal("alice", waiting.GetProperty("requestedBy").GetString());
        Assert.True(waiting.GetProperty("requestedAt").GetDateTimeOffset() >= due.AddSeconds(-1));
        await app.DecideAsync(executionId, PaymentsAppFixture.BobKey);
        Assert.Equal("Completed", (await app.WaitForExecutionAsync(executionId, "Completed", "Refused", "Failed")).GetProperty("status").GetString());
        Assert.Equal(7m, await app.BalanceAsync(recipient));
    }

    [Fact]
    public async Task Pause_resume_edit_and_delete_reach_the_waiting_schedule()
    {
        var ruleId = await app.CreateRuleAsync(app.ContractorPayment(app.TakeWallet(), 5m));
        var alice = app.As(PaymentsAppFixture.AliceKey);

        Assert.Equal("Paused", (await (await alice.PostAsync($"/api/rules/{ruleId}/pause", null)).ReadJsonAsync()).GetProperty("status").GetString());
        await WaitForScheduleAsync(ruleId, "Paused");
        Assert.Equal("Active", (await (await alice.PostAsync($"/api/rules/{ruleId}/resume", null)).ReadJsonAsync()).GetProperty("status").GetString());
        await WaitForScheduleAsync(ruleId, "Active");
        var edited = app.ContractorPayment(app.TakeWallet(), 6m);
        Assert.Equal(2, (await (await alice.PutAsJsonAsync($"/api/rules/{ruleId}", edited)).ReadJsonAsync()).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/rules/{ruleId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/rules/{ruleId}")).StatusCode);
        var admin = app.App.CreateAdminClient();
        await admin.WaitForStatusAsync($"rule-{ruleId}", "Completed");
    }

    [Fact]
    public async Task A_tampered_audit_entry_is_detected()
    {
        await app.CreateRuleAsync(app.ContractorPayment(app.TakeWallet(), 3m));
        Assert.True((await (await app.Client.GetAsync("/api/audit/rules/verify")).ReadJsonAsync()).GetProperty("valid").GetBoolean());

        await using var connection = new NpgsqlConnection(app.Stack.Postgres);
        await connection.OpenAsync();
        await Execute(connection, "ALTER TABLE rules.audit_log DISABLE TRIGGER audit_log_append_only; UPDATE rules.audit_log SET user_id = user_id || ' ' WHERE sequence = 1;");
        try
        {
            var verification = await (await app.Client.GetAsync("/api/audit/rules/verify")).ReadJsonAsync();
            Assert.False(verification.GetProperty("valid").GetBoolean());
            Assert.Equal(1, verification.GetProperty("brokenAt").GetInt64());
        }
        finally
        {
            // Put it back, so the other tests of this collection see an intact log.
            await Execute(connection, "UPDATE rules.audit_log SET user_id = rtrim(user_id) WHERE sequence = 1; ALTER TABLE rules.audit_log ENABLE TRIGGER audit_log_append_only;");
        }
    }

    private async Task WaitForScheduleAsync(string ruleId, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var admin = app.App.CreateAdminClient();
        while (true)
        {
            var body = await (await admin.GetAsync($"{ApiClient.Prefix}/instances/rule-{ruleId}", timeout.Token)).ReadJsonAsync();
            if (body.TryGetProperty("customStatus", out var custom) && custom.ValueKind == JsonValueKind.Object && custom.GetProperty("status").GetString() == status)
            {
                return;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
