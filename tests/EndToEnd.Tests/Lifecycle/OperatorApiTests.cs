using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>What operators do through the HTTP API of the running app: resume a held payout, approve a large payment.</summary>
public sealed class OperatorApiTests(OperatorFixture fixture) : IClassFixture<OperatorFixture>
{
    private static readonly string[] AtRest = ["Completed", "Failed", "Refunded", "Expired", "OnHold", "AwaitingApproval"];
    private static readonly string[] Settled = ["Completed", "Failed", "Refunded", "OnHold"];
    private static readonly string[] Final = ["Completed", "Failed", "Refunded"];

    [Fact]
    public async Task A_returned_payout_is_held_and_paid_once_after_an_operator_resumes_it_through_the_api()
    {
        using var client = fixture.App.CreateClient();
        var seller = Clabe.Create("012", "180", "55501230001");
        var account = await fixture.Stack.RegisterBankAccountAsync(seller, "Vendedora");
        fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Return;
        string id;
        try
        {
            id = await client.PayAsync(fixture.Stack, 880.00m, seller);
            Assert.Equal("OnHold", await client.WaitForStatusAsync(id, AtRest.Contains));
            Assert.Equal(2, this.PayoutsTo(account.Id).Count(t => t.SummaryStatus == JunoTransactionStatus.Failed));
        }
        finally
        {
            fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Settle;
        }

        using (var resume = await client.PostAsJsonAsync(new Uri($"/api/payments/{id}/resume", UriKind.Relative), new { reason = "bank fixed" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        }

        Assert.Equal("Completed", await client.WaitForStatusAsync(id, Final.Contains));
        var paid = Assert.Single(this.PayoutsTo(account.Id), t => t.SummaryStatus == JunoTransactionStatus.Complete);
        Assert.Equal(880.00m, paid.Amount);
    }

    [Fact]
    public async Task A_large_payment_waits_for_two_different_approvers_and_the_same_approver_twice_is_refused()
    {
        using var client = fixture.App.CreateClient();
        var seller = Clabe.Create("012", "180", "55501230002");
        var account = await fixture.Stack.RegisterBankAccountAsync(seller, "Vendedor");
        var id = await client.PayAsync(fixture.Stack, 2_500.00m, seller);
        Assert.Equal("AwaitingApproval", await client.WaitForStatusAsync(id, AtRest.Contains));

        Assert.Equal(HttpStatusCode.OK, await ApproveAsync(client, id, OperatorFixture.AnaKey));
        Assert.Equal(HttpStatusCode.Conflict, await ApproveAsync(client, id, OperatorFixture.AnaKey));
        Assert.Empty(this.PayoutsTo(account.Id));
        Assert.Equal(HttpStatusCode.OK, await ApproveAsync(client, id, OperatorFixture.LuisKey));

        Assert.Equal("Completed", await client.WaitForStatusAsync(id, Settled.Contains));
        var view = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/payments/{id}", UriKind.Relative));
        Assert.Equal(["ana", "luis"], view.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("approver").GetString()).Order());
        Assert.Equal(2_500.00m, Assert.Single(this.PayoutsTo(account.Id)).Amount);
    }

    private static async Task<HttpStatusCode> ApproveAsync(HttpClient client, string id, string approverKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/payments/{id}/approve", UriKind.Relative));
        request.Headers.Add("x-approver-key", approverKey);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private List<JunoTransaction> PayoutsTo(string bankAccountId) =>
        [.. fixture.Stack.Juno.Transactions.Where(t => t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == bankAccountId)];
}
