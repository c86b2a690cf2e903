using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Juno;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>
/// Every path of DESIGN §3 on the real local stack: money moves on anvil and through the Juno simulator, and the
/// ledger, the escrow contract and the bank accounts are checked afterwards. The tests share one stack and run one
/// after another, so the escrow contract's balance must be back to zero after each of them.
/// </summary>
public sealed class PaymentLifecycleTests(LifecycleFixture stack) : IClassFixture<LifecycleFixture>
{
    private static readonly string[] InternalAccounts = [LedgerAccount.JunoMxn, LedgerAccount.JunoMxnb, LedgerAccount.BridgeMxnb, LedgerAccount.EscrowMxnb];

    [Fact]
    public async Task A_paid_payment_moves_through_escrow_and_the_seller_receives_exactly_the_amount()
    {
        var payment = await stack.StartPaymentAsync(1_500.50m);
        await stack.DepositAsync(payment);

        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        var payout = Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId));
        Assert.Equal(1_500.50m, payout.Amount);
        Assert.Equal(payout.Id, outcome.PayoutTransactionId);
        var saved = (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!;
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
    public async Task A_payment_without_a_deposit_expires_at_its_deadline_and_nothing_moves()
    {
        var withdrawalsBefore = stack.Stack.Juno.Transactions.Count;
        var payment = await stack.StartPaymentAsync(250m, deadlineIn: TimeSpan.FromSeconds(2));

        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Expired, outcome.Status);
        Assert.Equal(PaymentStatus.Expired, (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!.Status);
        Assert.All((await stack.Store.GetBalancesAsync(payment.Id, CancellationToken.None)).Values, balance => Assert.Equal(0m, balance));
        Assert.Equal(withdrawalsBefore, stack.Stack.Juno.Transactions.Count);

        // A deposit arriving after the expiry can no longer be claimed for it.
        var late = stack.Stack.Juno.SimulateSpeiDeposit(payment.DepositClabe, PaymentFunctions.Banking.Amounts.Mxn.Of(250m));
        Assert.False(await stack.Store.ClaimDepositAsync(payment.Id, late.Id, CancellationToken.None));
    }

    [Fact]
    public async Task When_escrow_creation_fails_for_good_the_bridge_funds_are_refunded_to_the_buyer()
    {
        var admin = stack.Stack.Anvil.DevSigners[0];
        var transactor = new ContractTransactor(stack.Stack.Anvil.Rpc, stack.Stack.Anvil.ChainId);
        await transactor.SendAsync(admin, stack.Stack.Deployment.Escrow, AbiFunction.Parse("function pause()"), []);
        try
        {
            var payment = await stack.StartPaymentAsync(320m);
            await stack.DepositAsync(payment);

            var outcome = await stack.CompletionAsync(payment);

            Assert.Equal(PaymentStatus.Refunded, outcome.Status);
            Assert.Equal(320m, Assert.Single(stack.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
            Assert.Empty(stack.SettledPayoutsTo(payment.SellerAccountId));
            var saved = (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!;
            Assert.Null(saved.Escrow);
            Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.Failed);
            await this.AssertLedgerAsync(payment, seller: 0m, buyer: 0m);
        }
        finally
        {
            await transactor.SendAsync(admin, stack.Stack.Deployment.Escrow, AbiFunction.Parse("function unpause()"), []);
        }
    }

    [Fact]
    public async Task A_dispute_resolved_for_the_buyer_refunds_the_buyer()
    {
        var payment = await stack.StartPaymentAsync(410m, custody: TimeSpan.FromMinutes(10));
        await stack.DepositAsync(payment);
        await stack.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Dispute, new OperatorAction("buyer", "not delivered"));
        await stack.WaitForStatusAsync(payment, PaymentStatus.Disputed);
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resolve, new DisputeResolution(ToSeller: false, "operator"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Refunded, outcome.Status);
        Assert.Equal(410m, Assert.Single(stack.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
        Assert.Empty(stack.SettledPayoutsTo(payment.SellerAccountId));
        Assert.Equal(EscrowStatus.Refunded, (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!.Escrow!.Status);
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 0m, buyer: 0m);
    }

    [Fact]
    public async Task A_dispute_resolved_for_the_seller_releases_to_the_seller()
    {
        var payment = await stack.StartPaymentAsync(415m, custody: TimeSpan.FromMinutes(10));
        await stack.DepositAsync(payment);
        await stack.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Dispute, new OperatorAction("buyer"));
        await stack.WaitForStatusAsync(payment, PaymentStatus.Disputed);
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resolve, new DisputeResolution(ToSeller: true, "operator"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(415m, Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        Assert.Empty(stack.SettledPayoutsTo(payment.BuyerAccountId!));
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 415m, buyer: -415m);
    }

    [Fact]
    public async Task A_cancelled_payment_in_custody_is_refunded_to_the_buyer()
    {
        var payment = await stack.StartPaymentAsync(205m, custody: TimeSpan.FromMinutes(10));
        await stack.DepositAsync(payment);
        await stack.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Cancel, new OperatorAction("operator", "buyer asked"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Refunded, outcome.Status);
        Assert.Equal(205m, Assert.Single(stack.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
        Assert.Equal(EscrowStatus.Cancelled, (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!.Escrow!.Status);
        await this.AssertEscrowEmptyAsync();
    }

    [Fact]
    public async Task A_returned_payout_is_retried_then_held_until_an_operator_resumes_it_and_then_paid_once()
    {
        stack.Stack.Juno.PayoutMode = JunoPayoutMode.Return;
        TestPayment payment;
        try
        {
            payment = await stack.StartPaymentAsync(730m);
            await stack.DepositAsync(payment);
            var held = await stack.WaitForStatusAsync(payment, PaymentStatus.OnHold);
            Assert.Equal(LifecycleFixture.Policy.PayoutAttempts, held.Timeline.Count(e => e.Kind == TimelineEventKind.PayoutReturned));
            Assert.Empty(stack.SettledPayoutsTo(payment.SellerAccountId));
        }
        finally
        {
            stack.Stack.Juno.PayoutMode = JunoPayoutMode.Settle;
        }

        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(730m, Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        var saved = (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.Resumed);
        await this.AssertLedgerAsync(payment, seller: 730m, buyer: -730m);
    }

    [Fact]
    public async Task A_withdrawal_whose_answers_are_lost_is_held_and_on_resume_sent_once_under_the_same_key()
    {
        // Juno commits every withdrawal but the answer never arrives: retries run out and the payment is held.
        stack.Stack.Juno.SetFault("/mint_platform/v1/withdrawals", new JunoFault { DropNext = 1_000 });
        TestPayment payment;
        try
        {
            payment = await stack.StartPaymentAsync(333.33m);
            await stack.DepositAsync(payment);
            await stack.WaitForStatusAsync(payment, PaymentStatus.OnHold);
        }
        finally
        {
            stack.Stack.Juno.ClearFaults();
        }

        // The operator's resume retries the step with the step's key, so Juno answers with the withdrawal it already made.
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Single(stack.Stack.Juno.Transactions, t => t.TransactionType == JunoTransactionType.CryptoWithdrawal && t.Amount == 333.33m);
        Assert.Equal(333.33m, Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 333.33m, buyer: -333.33m);
    }

    [Fact]
    public async Task A_juno_outage_during_the_withdrawal_holds_the_payment_instead_of_refunding_it()
    {
        // 503s until the client and the step give up: an outage, after which Juno may or may not have acted.
        stack.Stack.Juno.SetFault("/mint_platform/v1/withdrawals", new JunoFault { FailNext = 1_000 });
        TestPayment payment;
        try
        {
            payment = await stack.StartPaymentAsync(344.44m);
            await stack.DepositAsync(payment);
            await stack.WaitForStatusAsync(payment, PaymentStatus.OnHold);
        }
        finally
        {
            stack.Stack.Juno.ClearFaults();
        }

        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Empty(stack.SettledPayoutsTo(payment.BuyerAccountId!));
        Assert.Equal(344.44m, Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId)).Amount);
    }

    [Fact]
    public async Task A_large_payment_is_released_only_after_two_different_approvers()
    {
        var payment = await stack.StartPaymentAsync(150_000m, requiredApprovals: 2);
        await stack.DepositAsync(payment);
        await stack.WaitForStatusAsync(payment, PaymentStatus.AwaitingApproval);

        var first = await stack.Store.ApproveAsync(payment.Id, "ana", CancellationToken.None);
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("ana"));
        var again = await stack.Store.ApproveAsync(payment.Id, "ana", CancellationToken.None);
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("ana"));

        Assert.Equal(ApprovalOutcome.Recorded, first.Outcome);
        Assert.Equal(ApprovalOutcome.AlreadyApprovedByThisApprover, again.Outcome);
        Assert.Equal(1, again.Count);
        // One approver, however often, releases nothing: the escrow still holds the payment.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var waiting = (await stack.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal(PaymentStatus.AwaitingApproval, waiting.Status);
        Assert.Equal(EscrowStatus.Funded, waiting.Escrow!.Status);

        Assert.Equal(ApprovalOutcome.Recorded, (await stack.Store.ApproveAsync(payment.Id, "luis", CancellationToken.None)).Outcome);
        await stack.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("luis"));
        var outcome = await stack.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(150_000m, Assert.Single(stack.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        await this.AssertEscrowEmptyAsync();
    }

    [Fact]
    public async Task A_hundred_payments_started_together_all_complete_each_paid_once()
    {
        var payments = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => stack.StartPaymentAsync(100m + i)));
        await Task.WhenAll(payments.Select(stack.DepositAsync));

        var outcomes = await Task.WhenAll(payments.Select(p => stack.CompletionAsync(p, TimeSpan.FromMinutes(5))));

        Assert.All(outcomes, o => Assert.Equal(PaymentStatus.Completed, o.Status));
        Assert.All(payments, p => Assert.Equal(p.Amount, Assert.Single(stack.SettledPayoutsTo(p.SellerAccountId)).Amount));
        Assert.Equal(100, outcomes.Select(o => o.EscrowId).Distinct().Count());
        await this.AssertEscrowEmptyAsync();
    }

    private async Task AssertEscrowEmptyAsync() =>
        Assert.Equal(0, await stack.Token.BalanceOfAsync(stack.Stack.Deployment.Escrow));

    private async Task AssertLedgerAsync(TestPayment payment, decimal seller, decimal buyer)
    {
        var balances = await stack.Store.GetBalancesAsync(payment.Id, CancellationToken.None);
        Assert.Equal(0m, balances.Values.Sum());
        foreach (var account in InternalAccounts)
        {
            Assert.Equal(0m, balances.GetValueOrDefault(account));
        }

        Assert.Equal(seller, balances.GetValueOrDefault(LedgerAccount.SellerBank));
        Assert.Equal(buyer, balances.GetValueOrDefault(LedgerAccount.BuyerBank));
    }
}
