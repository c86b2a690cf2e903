using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>
/// The paths of DESIGN §3 that must pass on every task hub backend: the happy path and two compensations, on the
/// real local stack. Each backend's test class derives from this with its own fixture; the tests share one stack
/// and run one after another, so the escrow contract's balance must be back to zero after each of them.
/// </summary>
public abstract class PaymentLifecycleScenarios(LifecycleFixture fixture)
{
    private static readonly string[] InternalAccounts = [LedgerAccount.JunoMxn, LedgerAccount.JunoMxnb, LedgerAccount.BridgeMxnb, LedgerAccount.EscrowMxnb];

    /// <summary>The stack and the worker the tests run on.</summary>
    protected LifecycleFixture Fixture { get; } = fixture;

    [Fact]
    public async Task A_paid_payment_moves_through_escrow_and_the_seller_receives_exactly_the_amount()
    {
        var payment = await this.Fixture.StartPaymentAsync(1_500.50m);
        await this.Fixture.DepositAsync(payment);

        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        var payout = Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId));
        Assert.Equal(1_500.50m, payout.Amount);
        Assert.Equal(payout.Id, outcome.PayoutTransactionId);
        var saved = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal(PaymentStatus.Completed, saved.Status);
        Assert.Equal(EscrowStatus.Released, saved.Escrow!.Status);
        Assert.NotNull(saved.Escrow.ReleaseTransactionHash);
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 1_500.50m, buyer: -1_500.50m);
        Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.PayoutSettled);
        Assert.Equal(TimelineEventKind.Completed, saved.Timeline[^1].Kind);

        // Every step recorded what its sentence needs: nothing renders as missing.
        string[] missing = ["unspecified", "not given", "no reference", "no transaction", "without number", "Someone", "no reason given", "key none", "unknown state"];
        Assert.All(saved.Timeline, e => Assert.DoesNotContain(missing, m => TimelineRenderer.Render(e, TimelineLanguage.English).Contains(m, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task When_escrow_creation_fails_for_good_the_bridge_funds_are_refunded_to_the_buyer()
    {
        var admin = this.Fixture.Stack.Anvil.DevSigners[0];
        var transactor = new ContractTransactor(this.Fixture.Stack.Anvil.Rpc, this.Fixture.Stack.Anvil.ChainId);
        await transactor.SendAsync(admin, this.Fixture.Stack.Deployment.Escrow, AbiFunction.Parse("function pause()"), []);
        try
        {
            var payment = await this.Fixture.StartPaymentAsync(320m);
            await this.Fixture.DepositAsync(payment);

            var outcome = await this.Fixture.CompletionAsync(payment);

            Assert.Equal(PaymentStatus.Refunded, outcome.Status);
            Assert.Equal(320m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
            Assert.Empty(this.Fixture.SettledPayoutsTo(payment.SellerAccountId));
            var saved = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
            Assert.Null(saved.Escrow);
            Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.Failed);
            await this.AssertLedgerAsync(payment, seller: 0m, buyer: 0m);
        }
        finally
        {
            await transactor.SendAsync(admin, this.Fixture.Stack.Deployment.Escrow, AbiFunction.Parse("function unpause()"), []);
        }
    }

    [Fact]
    public async Task A_dispute_resolved_for_the_buyer_refunds_the_buyer()
    {
        var payment = await this.Fixture.StartPaymentAsync(410m, custody: TimeSpan.FromMinutes(10));
        await this.Fixture.DepositAsync(payment);
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Dispute, new OperatorAction("buyer", "not delivered"));
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.Disputed);
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resolve, new DisputeResolution(DisputeOutcome.Buyer, "operator"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Refunded, outcome.Status);
        Assert.Equal(410m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
        Assert.Empty(this.Fixture.SettledPayoutsTo(payment.SellerAccountId));
        var saved = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal(EscrowStatus.Refunded, saved.Escrow!.Status);
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 0m, buyer: 0m);

        // The audit trail says what happened: the buyer is refunded (it once said the seller would be paid).
        var resolved = Assert.Single(saved.Timeline, e => e.Kind == TimelineEventKind.DisputeResolved);
        Assert.Equal("operator resolved the dispute: the buyer will be refunded.", TimelineRenderer.Render(resolved, TimelineLanguage.English));
        Assert.Equal("operator resolvió la disputa: se reembolsará al comprador.", TimelineRenderer.Render(resolved, TimelineLanguage.Spanish));
        await this.AssertFinalStepAsync(payment, "refunded");
    }

    /// <summary>The orchestration's last custom status names the state it ended in, not a step it passed (e.g. on-hold).</summary>
    protected async Task AssertFinalStepAsync(TestPayment payment, string step)
    {
        var metadata = await this.Fixture.Client.GetInstanceAsync(payment.InstanceId, getInputsAndOutputs: true);
        var progress = metadata!.ReadCustomStatusAs<LifecycleProgress>()!;
        Assert.Equal(step, progress.Step);
        Assert.Equal(LifecycleProgress.Steps, progress.StepNumber);
    }

    protected async Task AssertEscrowEmptyAsync() =>
        Assert.Equal(0, await this.Fixture.Token.BalanceOfAsync(this.Fixture.Stack.Deployment.Escrow));

    protected async Task AssertLedgerAsync(TestPayment payment, decimal seller, decimal buyer)
    {
        var balances = await this.Fixture.Store.GetBalancesAsync(payment.Id, CancellationToken.None);
        Assert.Equal(0m, balances.Values.Sum());
        foreach (var account in InternalAccounts)
        {
            Assert.Equal(0m, balances.GetValueOrDefault(account));
        }

        Assert.Equal(seller, balances.GetValueOrDefault(LedgerAccount.SellerBank));
        Assert.Equal(buyer, balances.GetValueOrDefault(LedgerAccount.BuyerBank));
    }
}
