using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Banking.Juno.Webhooks;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.Banking.Tests.Juno.Webhooks;

/// <summary>Simulator webhooks delivered over HTTP to the receiver, which re-reads through the real client.</summary>
public sealed class JunoWebhookSimulatorTests
{
    private const string Secret = "webhook-secret-for-tests-0001";

    [Fact]
    public async Task Duplicated_and_reversed_deliveries_lead_to_one_state_change()
    {
        await using var f = await SimulatorFixture.StartAsync();
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, f.Client);
        await using var sink = await WebhookSink.StartAsync(receiver);
        await f.Client.RegisterWebhookAsync(sink.CallbackFor(Secret));
        f.Simulator.WebhookDelivery = new JunoWebhookDelivery { Duplicate = true, Hold = true };

        var issuance = f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(500m));
        await f.Simulator.FlushWebhooksAsync(reverse: true);

        // IN_PROGRESS and COMPLETE events, each delivered twice, newest first.
        var results = sink.Results;
        Assert.Equal(4, results.Count);
        var accepted = Assert.Single(results, r => r.ShouldAct);
        Assert.Equal(issuance.Id, accepted.Transaction!.Id);
        Assert.Equal(JunoTransactionStatus.Complete, accepted.Transaction.SummaryStatus);
        Assert.Equal(3, results.Count(r => r.Outcome == JunoWebhookOutcome.Duplicate));
    }

    [Fact]
    public async Task Late_deliveries_still_act_once_per_transaction()
    {
        await using var f = await SimulatorFixture.StartAsync(new JunoSimulatorOptions { PayoutMode = JunoPayoutMode.Manual });
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, f.Client);
        await using var sink = await WebhookSink.StartAsync(receiver);
        await f.Client.RegisterWebhookAsync(sink.CallbackFor(Secret));
        f.Simulator.WebhookDelivery = new JunoWebhookDelivery { DelayMs = 100 };

        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(300m));
        await sink.WaitForResultsAsync(2);
        var redemption = await f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "300.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId }, "payment-8:1");
        await sink.WaitForResultsAsync(3);
        f.Simulator.ReturnPayout(redemption.Id);
        await sink.WaitForResultsAsync(4);
        await f.Simulator.DrainWebhooksAsync();

        var acted = sink.Results.Where(r => r.ShouldAct).Select(r => (r.Transaction!.TransactionType, r.Transaction.SummaryStatus)).ToList();
        Assert.Equal(2, acted.Count);
        Assert.Contains((JunoTransactionType.Issuance, JunoTransactionStatus.Complete), acted);
        Assert.Contains((JunoTransactionType.Redemption, JunoTransactionStatus.Failed), acted);
    }

    [Fact]
    public async Task Deliveries_with_a_wrong_secret_are_refused()
    {
        await using var f = await SimulatorFixture.StartAsync();
        var receiver = new JunoWebhookReceiver(new JunoWebhookReceiverOptions { SharedSecret = Secret }, f.Client);
        await using var sink = await WebhookSink.StartAsync(receiver);
        await f.Client.RegisterWebhookAsync(sink.CallbackFor("someone-elses-secret-value"));
        f.Simulator.WebhookDelivery = new JunoWebhookDelivery { Hold = true };

        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(500m));
        await f.Simulator.FlushWebhooksAsync();

        Assert.Equal(2, sink.Results.Count);
        Assert.All(sink.Results, r => Assert.Equal(JunoWebhookOutcome.Rejected, r.Outcome));
        Assert.Equal(0, f.Simulator.WebhooksDelivered);
    }
}
