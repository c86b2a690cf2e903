using System.Net;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>
/// Juno's TRANSACTION webhooks as the simulator delivers them over HTTP: the app listens on a real port here and is
/// registered as the simulator's callback with the function key and the webhook secret in the URL.
/// </summary>
public sealed class JunoWebhookTests(JunoWebhookTests.Fixture fixture) : IClassFixture<JunoWebhookTests.Fixture>
{
    [Fact]
    public async Task A_delivered_deposit_webhook_matches_the_payment_like_the_deposit_timer()
    {
        var payment = await fixture.CreateAsync(2100.00m);
        var id = payment.GetProperty("id").GetString()!;
        var delivered = fixture.Stack.Juno.WebhooksDelivered;

        var deposit = fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(2100.00m));
        await fixture.Stack.Juno.DrainWebhooksAsync();

        Assert.True(fixture.Stack.Juno.WebhooksDelivered > delivered);
        var stored = await fixture.Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(deposit.Id, stored!.DepositTransactionId);
        Assert.NotEqual(PaymentStatus.AwaitingDeposit, stored.Status);
        Assert.Contains(stored.Timeline, e => e.Kind == TimelineEventKind.DepositMatched);
    }

    [Fact]
    public async Task A_delivery_without_the_secret_is_refused_and_a_body_without_a_transaction_is_400()
    {
        var noSecret = await fixture.Client.PostAsync("/api/webhooks/juno", ApiClient.Json("""{"event":"TRANSACTION","payload":{"id":"abc"}}"""));
        var malformed = await fixture.Client.PostAsync($"/api/webhooks/juno?secret={PaymentsAppFixture.WebhookSecret}", ApiClient.Json("""{"event":"TRANSACTION"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, noSecret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_replayed_webhook_is_acknowledged_once_as_accepted_then_as_duplicate()
    {
        var payment = await fixture.CreateAsync(2200.00m);
        fixture.Stack.Juno.WebhookDelivery = new() { Hold = true };
        var deposit = fixture.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.GetProperty("depositClabe").GetString()), Mxn.Of(2200.00m));
        fixture.Stack.Juno.WebhookDelivery = new();
        var body = ApiClient.Json($$$"""{"event":"TRANSACTION","payload":{"id":"{{{deposit.Id}}}"}}""");
        var uri = $"/api/webhooks/juno?secret={PaymentsAppFixture.WebhookSecret}";

        var first = await (await fixture.Client.PostAsync(uri, body)).ReadJsonAsync();
        var second = await (await fixture.Client.PostAsync(uri, body)).ReadJsonAsync();

        Assert.Equal("Accepted", first.GetProperty("outcome").GetString());
        Assert.Equal("Matched", first.GetProperty("match").GetString());
        Assert.Equal(payment.GetProperty("id").GetString(), first.GetProperty("paymentId").GetString());
        Assert.Equal("Duplicate", second.GetProperty("outcome").GetString());
    }

    /// <summary>The payments app on a real port, registered as the simulator's webhook callback.</summary>
    public sealed class Fixture : PaymentsAppFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var address = this.Client.BaseAddress!;
            this.Stack.Juno.RegisterWebhook(new Uri(address, $"/api/webhooks/juno?code={AppFactory.FunctionKey}&secret={WebhookSecret}"));
        }

        protected override void Configure(AppFactory app) => app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }
}
