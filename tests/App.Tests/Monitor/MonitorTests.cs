using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaymentFunctions.App.Tests.Payments;
using PaymentFunctions.App.Samples;
using PaymentFunctions.LocalStack.Juno;
using static Microsoft.Playwright.Assertions;

namespace PaymentFunctions.App.Tests.Monitor;

/// <summary>The monitor page in a real browser (Debian chromium) against the app on the local stack.</summary>
public sealed class MonitorTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 120_000 };

    [Fact]
    public async Task Without_a_key_only_the_login_shows_and_a_wrong_key_is_refused()
    {
        await using var monitor = await fixture.OpenAsync(signIn: false);
        var page = monitor.Page;

        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Expect(page.Locator("#app")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#instances").CountAsync());

        await page.FillAsync("#admin-key", AppFactory.FunctionKey);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#login-error")).ToContainTextAsync("refused");
        await Expect(page.Locator("#app")).ToBeHiddenAsync();

        await page.FillAsync("#admin-key", AppFactory.AdminKey);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#instances")).ToBeVisibleAsync();
        Assert.DoesNotContain(AppFactory.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.Equal(AppFactory.AdminKey, await page.EvaluateAsync<string>("() => Object.values(sessionStorage)[0]"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.NotEmpty(fixture.Logs.Entries);
        Assert.False(fixture.Logged(AppFactory.AdminKey));
    }

    [Fact]
    public async Task Payments_in_several_states_show_in_the_list_and_a_status_filter_narrows_it()
    {
        var waiting = (await fixture.CreateAsync(1111.00m)).GetProperty("id").GetString()!;
        var completed = await fixture.PayAsync(1222.00m, custody: false);
        await fixture.WaitForPaymentAsync(completed, v => v.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() == "Completed");
        var terminated = (await fixture.CreateAsync(1333.00m)).GetProperty("id").GetString()!;
        await fixture.WaitForPaymentAsync(terminated, v => v.GetProperty("orchestration").GetProperty("runtimeStatus").GetString() == "Running");
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Admin.PostAsync($"{ApiClient.Prefix}/instances/payment-{terminated}/terminate?reason=test", null)).StatusCode);
        await fixture.Admin.WaitForStatusAsync($"payment-{terminated}", "Terminated");

        await using var monitor = await fixture.OpenAsync();
        var page = monitor.Page;
        await page.FillAsync("#filter-prefix", "payment-");
        await page.ClickAsync("#apply");

        await Expect(Row(page, waiting).Locator(".runtime-status")).ToHaveTextAsync("Running");
        await Expect(Row(page, completed).Locator(".runtime-status")).ToHaveTextAsync("Completed");
        await Expect(Row(page, terminated).Locator(".runtime-status")).ToHaveTextAsync("Terminated");
        await Expect(page.Locator("#histogram svg rect.bar").First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new() { Path = MonitorFixture.ScreenshotPath("list"), FullPage = false });

        await page.FillAsync("#filter-customStatus", "awaiting-deposit");
        await page.ClickAsync("#apply");
        await Expect(Row(page, waiting)).ToHaveCountAsync(1);
        await Expect(Row(page, completed)).ToHaveCountAsync(0);
        await page.FillAsync("#filter-customStatus", "");

        await page.CheckAsync("#status-filter input[value=Completed]");
        await page.ClickAsync("#apply");
        await Expect(Row(page, waiting)).ToHaveCountAsync(0);
        await Expect(Row(page, terminated)).ToHaveCountAsync(0);
        await Expect(Row(page, completed)).ToHaveCountAsync(1);
        Assert.All(await page.Locator("#instances tbody .runtime-status").AllTextContentsAsync(), s => Assert.Equal("Completed", s));
        await Expect(page.Locator("#counts [data-status=Completed]")).ToBeVisibleAsync();
        await Expect(page.Locator("#counts [data-status=Running]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_payment_held_after_its_payout_returned_is_found_opened_and_resumed_until_it_completes()
    {
        string id;
        fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Return;
        try
        {
            id = await fixture.PayAsync(880.00m, custody: false);
            await fixture.WaitForPaymentAsync(id, v => v.GetProperty("status").GetString() == "OnHold");
        }
        finally
        {
            fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Settle;
        }

        await using var monitor = await fixture.OpenAsync();
        var page = monitor.Page;
        await page.FillAsync("#filter-prefix", $"payment-{id}");
        await page.ClickAsync("#apply");
        await page.ClickAsync($"#instances a:text-is('payment-{id}')");
        await Expect(page.Locator("#payment-status")).ToHaveTextAsync("OnHold");
        await Expect(page.Locator("#payment-seller")).ToContainTextAsync("*****");
        await Expect(page.Locator("#payment-seller")).Not.ToContainTextAsync(fixture.SellerClabe.Value);

        await page.ClickAsync("#payment-resume");
        await page.FillAsync("#confirm-reason", "bank fixed");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#payment-message")).ToContainTextAsync("accepted (202)");

        await Expect(page.Locator("#payment-status")).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.Locator("#payment-ledger tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#payment-escrow-id")).Not.ToHaveTextAsync("—");
        await Expect(page.Locator("#gantt-chart .gantt-activity").First).ToBeAttachedAsync();

        // The timeline switches language.
        var spanish = await page.Locator("#payment-timeline li").First.TextContentAsync();
        await page.SelectOptionAsync("#timeline-language", "en");
        await Expect(page.Locator("#payment-timeline li").First).ToContainTextAsync("Payment created");
        Assert.Contains("Pago creado", spanish, StringComparison.Ordinal);

        await Expect(page.Locator("#payment-ledger")).ToContainTextAsync("PaidOut");
        await page.Locator("#payment").ScreenshotAsync(new() { Path = MonitorFixture.ScreenshotPath("payment") });
        await page.Locator("#gantt").ScreenshotAsync(new() { Path = MonitorFixture.ScreenshotPath("gantt") });
        Assert.Equal("Completed", (await fixture.WaitForPaymentAsync(id, _ => true)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_dispute_resolved_to_the_buyer_from_the_page_ends_refunded_and_a_second_resolve_shows_the_409()
    {
        var id = await fixture.PayAsync(1450.00m, custody: true);
        await fixture.WaitForPaymentAsync(id, v => v.GetProperty("status").GetString() == "InCustody");
        var dispute = await fixture.Client.PostAsync($"/api/payments/{id}/dispute", ApiClient.Json("""{"reason":"not delivered"}"""));
        Assert.Equal(HttpStatusCode.Accepted, dispute.StatusCode);
        await fixture.WaitForPaymentAsync(id, v => v.GetProperty("status").GetString() == "Disputed");

        await using var monitor = await fixture.OpenAsync();
        var page = monitor.Page;
        await page.GotoAsync($"/monitor#/instances/payment-{id}");
        await Expect(page.Locator("#payment-status")).ToHaveTextAsync("Disputed");
        await page.ClickAsync("#payment-resolve-buyer");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#payment-message")).ToContainTextAsync("accepted (202)");
        await Expect(page.Locator("#payment-status")).ToHaveTextAsync("Refunded", Patiently);

        await page.ClickAsync("#payment-resolve-seller");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#payment-message")).ToContainTextAsync("409");
        Assert.Equal("Refunded", (await fixture.WaitForPaymentAsync(id, _ => true)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_large_payment_is_approved_from_the_page_by_two_approvers_and_the_same_one_twice_shows_the_409()
    {
        var id = await fixture.PayAsync(PaymentsAppFixture.Threshold + 500m, custody: false);
        await fixture.WaitForPaymentAsync(id, v => v.GetProperty("status").GetString() == "AwaitingApproval");

        await using var monitor = await fixture.OpenAsync();
        var page = monitor.Page;
        await page.GotoAsync($"/monitor#/instances/payment-{id}");
        await Expect(page.Locator("#payment-approval-count")).ToHaveTextAsync("0 of 2 required");
        foreach (var expected in (string[])["accepted (200)", "409"])
        {
            await page.ClickAsync("#payment-approve");
            await page.FillAsync("#confirm-approverKey", PaymentsAppFixture.AliceKey);
            await page.ClickAsync("#confirm-ok");
            await Expect(page.Locator("#payment-message")).ToContainTextAsync(expected);
        }

        await Expect(page.Locator("#payment-approvals")).ToHaveTextAsync(new Regex("^alice at "));
        await page.ClickAsync("#payment-approve");
        await page.FillAsync("#confirm-approverKey", PaymentsAppFixture.BobKey);
        await page.ClickAsync("#confirm-ok");

        await Expect(page.Locator("#payment-message")).ToContainTextAsync("accepted (200)");
        await Expect(page.Locator("#payment-status")).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.Locator("#payment-approvals li")).ToHaveCountAsync(2);
        Assert.DoesNotContain(PaymentsAppFixture.BobKey, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.False(fixture.Logged(PaymentsAppFixture.AliceKey));
        Assert.False(fixture.Logged(PaymentsAppFixture.BobKey));
    }

    [Fact]
    public async Task An_instance_suspended_resumed_and_terminated_from_the_page_shows_terminated_and_restarts_under_a_new_id()
    {
        var (id, opened) = await this.StartAndOpenAsync(SampleOrchestrations.AwaitApproval, "terminate", null, "Running");
        await using var monitor = opened;
        var page = monitor.Page;
        foreach (var (action, status) in new[] { ("suspend", "Suspended"), ("resume", "Running") })
        {
            await page.ClickAsync($"#action-{action}");
            await page.ClickAsync("#confirm-ok");
            await Expect(page.Locator("#runtime-status")).ToHaveTextAsync(status, Patiently);
        }

        await page.ClickAsync("#action-terminate");
        await page.FillAsync("#confirm-reason", "operator stop");
        await page.ClickAsync("#confirm-ok");

        await Expect(page.Locator("#action-result")).ToContainTextAsync("accepted (202)");
        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("Terminated", Patiently);
        Assert.Equal("Terminated", (await fixture.Admin.WaitForStatusAsync(id, "Terminated")).GetProperty("runtimeStatus").GetString());

        await page.ClickAsync("#action-restart");
        await page.SelectOptionAsync("#confirm-mode", "new");
        await page.ClickAsync("#confirm-ok");
        await page.ClickAsync("#restarted-link");
        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("Running", Patiently);
        Assert.DoesNotContain(id, page.Url, StringComparison.Ordinal);
        var restarted = Uri.UnescapeDataString(page.Url[(page.Url.IndexOf("#/instances/", StringComparison.Ordinal) + "#/instances/".Length)..]);
        await fixture.Admin.PostAsync($"{ApiClient.Prefix}/instances/{restarted}/terminate", null);
    }

    [Fact]
    public async Task An_invalid_json_body_in_raise_event_shows_an_error_and_sends_nothing_then_a_valid_one_is_delivered()
    {
        var (id, opened) = await this.StartAndOpenAsync(SampleOrchestrations.AwaitApproval, "raise", null, "Running");
        await using var monitor = opened;
        var page = monitor.Page;
        var raised = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/raiseEvent/", StringComparison.Ordinal))
            {
                raised.Add(request.Url);
            }
        };
        await page.ClickAsync("#action-raise-event");
        await page.FillAsync("#confirm-eventName", SampleOrchestrations.ApprovalEvent);
        await page.FillAsync("#confirm-body", "{\"approved\": tru");
        await page.ClickAsync("#confirm-ok");

        await Expect(page.Locator("#confirm-error")).ToContainTextAsync("not valid JSON");
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        Assert.Empty(raised);
        Assert.Equal(HttpStatusCode.Accepted, await fixture.Admin.StatusCodeOfAsync(id));

        await page.FillAsync("#confirm-body", "{\"approved\": true}");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.Locator("#field-output")).ToContainTextAsync("\"approved\": true");
        Assert.Single(raised);
    }

    [Fact]
    public async Task Rewinding_a_failed_sample_orchestration_from_the_page_makes_it_complete()
    {
        var (_, opened) = await this.StartAndOpenAsync(SampleOrchestrations.FailingStep, "rewind", "\"fail-once\"", "Failed");
        await using var monitor = opened;
        var page = monitor.Page;
        await Expect(page.Locator("#field-failure")).ToContainTextAsync("failed as asked");
        await page.ClickAsync("#field-failure button.copy");
        await Expect(page.Locator("#field-failure button.copy")).ToHaveTextAsync("Copied");
        Assert.Contains("The sample step failed as asked.", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), StringComparison.Ordinal);
        await page.ClickAsync("#action-rewind");
        await page.FillAsync("#confirm-reason", "try again");
        await page.ClickAsync("#confirm-ok");

        await Expect(page.Locator("#action-result")).ToContainTextAsync("accepted (202)");
        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("Completed", Patiently);
        await Expect(page.Locator("#field-output")).ToContainTextAsync("succeeded");
        await Expect(page.Locator("#sequence-chart")).ToContainTextAsync("MaybeFail");
    }

    [Fact]
    public async Task A_parent_links_to_its_sub_orchestration_and_back_with_both_in_the_charts()
    {
        var (id, opened) = await this.StartAndOpenAsync(SampleOrchestrations.HelloParent, "parent", "\"Eva\"", "Completed");
        await using var monitor = opened;
        var page = monitor.Page;

        await Expect(page.Locator("#gantt-chart .gantt-sub-orchestration")).ToHaveCountAsync(1);
        await page.ClickAsync($"#sub-orchestrations a:has-text('{id}-child')");
        await Expect(page.Locator("#instance h2")).ToContainTextAsync($"{id}-child");
        await Expect(page.Locator("#gantt-chart .gantt-activity")).ToHaveCountAsync(3);
        await Expect(page.Locator("#sequence-chart .sequence-message")).ToHaveCountAsync(6);
        await page.ClickAsync("#parent-link a");
        await Expect(page.Locator("#instance h2")).ToContainTextAsync(id);
        await Expect(page.Locator("#instance h2")).Not.ToContainTextAsync("-child");
    }

    [Fact]
    public async Task A_bulk_purge_of_three_completed_instances_removes_exactly_those_three()
    {
        var prefix = "monitor-bulk-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var ids = Enumerable.Range(1, 4).Select(i => $"{prefix}{i}").ToList();
        foreach (var id in ids)
        {
            await fixture.Admin.StartAsync(SampleOrchestrations.HelloSequence, id, "\"Ana\"");
        }

        foreach (var id in ids)
        {
            await fixture.Admin.WaitForStatusAsync(id, "Completed");
        }

        await using var monitor = await fixture.OpenAsync();
        var page = monitor.Page;
        await page.FillAsync("#filter-prefix", prefix);

        // One instance a page: the list follows the continuation token (scrolling loads the next page) until all four show.
        await page.FillAsync("#filter-top", "1");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#load-more")).ToBeHiddenAsync();
        foreach (var id in ids.Take(3))
        {
            await Row(page, id).Locator("input.select").CheckAsync();
        }

        await page.ClickAsync("#bulk-purge");
        await Expect(page.Locator("#confirm-title")).ToHaveTextAsync("Purge 3 instances?");
        await page.ClickAsync("#confirm-ok");

        await Expect(page.Locator("#list-message")).ToContainTextAsync("3 of 3 done");
        await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(1);
        await Expect(Row(page, ids[3])).ToHaveCountAsync(1);
        foreach (var id in ids.Take(3))
        {
            Assert.Equal(HttpStatusCode.NotFound, await fixture.Admin.StatusCodeOfAsync(id));
        }

        Assert.Equal(HttpStatusCode.OK, await fixture.Admin.StatusCodeOfAsync(ids[3]));
    }

    /// <summary>Starts a sample, waits for <paramref name="status"/>, and opens its details page showing that status.</summary>
    private async Task<(string Id, MonitorPage Monitor)> StartAndOpenAsync(string orchestrator, string hint, string? input, string status)
    {
        var id = $"monitor-{hint}-{Guid.NewGuid():N}";
        await fixture.Admin.StartAsync(orchestrator, id, input);
        await fixture.Admin.WaitForStatusAsync(id, status);
        var monitor = await fixture.OpenAsync();
        await monitor.Page.GotoAsync($"/monitor#/instances/{id}");
        await Expect(monitor.Page.Locator("#runtime-status")).ToHaveTextAsync(status);
        return (id, monitor);
    }

    private static ILocator Row(IPage page, string paymentOrInstanceId) =>
        page.Locator($"#instances tbody tr[data-id='{(paymentOrInstanceId.StartsWith("pay_", StringComparison.Ordinal) ? "payment-" : "")}{paymentOrInstanceId}']");
}
