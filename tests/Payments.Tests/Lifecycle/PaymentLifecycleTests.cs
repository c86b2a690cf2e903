using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.LocalStack.Juno;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>
/// Every path of DESIGN §3 on the real local stack with the task hub in PostgreSQL: money moves on anvil and through
/// the Juno simulator, and the ledger, the escrow contract and the bank accounts are checked afterwards. The paths
/// every backend runs are in <see cref="PaymentLifecycleScenarios"/>.
/// </summary>
public sealed class PaymentLifecycleTests(PostgresLifecycleFixture fixture) : PaymentLifecycleScenarios(fixture), IClassFixture<PostgresLifecycleFixture>
{
    [Fact]
    public async Task A_payment_without_a_deposit_expires_at_its_deadline_and_nothing_moves()
    {
        var withdrawalsBefore = this.Fixture.Stack.Juno.Transactions.Count;
        var payment = await this.Fixture.StartPaymentAsync(250m, deadlineIn: TimeSpan.FromSeconds(2));

        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Expired, outcome.Status);
        Assert.Equal(PaymentStatus.Expired, (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!.Status);
        Assert.All((await this.Fixture.Store.GetBalancesAsync(payment.Id, CancellationToken.None)).Values, balance => Assert.Equal(0m, balance));
        Assert.Equal(withdrawalsBefore, this.Fixture.Stack.Juno.Transactions.Count);

        // A deposit arriving after the expiry can no longer be claimed for it.
        var late = this.Fixture.Stack.Juno.SimulateSpeiDeposit(payment.DepositClabe, PaymentFunctions.Banking.Amounts.Mxn.Of(250m));
        Assert.False(await this.Fixture.Store.ClaimDepositAsync(payment.Id, late.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_dispute_resolved_for_the_seller_releases_to_the_seller()
    {
        var payment = await this.Fixture.StartPaymentAsync(415m, custody: TimeSpan.FromMinutes(10));
        await this.Fixture.DepositAsync(payment);
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Dispute, new OperatorAction("buyer"));
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.Disputed);
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resolve, new DisputeResolution(DisputeOutcome.Seller, "operator"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(415m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        Assert.Empty(this.Fixture.SettledPayoutsTo(payment.BuyerAccountId!));
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 415m, buyer: -415m);
        var saved = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
        var resolved = Assert.Single(saved.Timeline, e => e.Kind == TimelineEventKind.DisputeResolved);
        Assert.Equal("operator resolved the dispute: the payment will be released to the seller.", TimelineRenderer.Render(resolved, TimelineLanguage.English));
        await this.AssertFinalStepAsync(payment, "completed");
    }

    [Fact]
    public async Task A_cancelled_payment_in_custody_is_refunded_to_the_buyer()
    {
        var payment = await this.Fixture.StartPaymentAsync(205m, custody: TimeSpan.FromMinutes(10));
        await this.Fixture.DepositAsync(payment);
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.InCustody);

        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Cancel, new OperatorAction("operator", "buyer asked"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Refunded, outcome.Status);
        Assert.Equal(205m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.BuyerAccountId!)).Amount);
        Assert.Equal(EscrowStatus.Cancelled, (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!.Escrow!.Status);
        await this.AssertEscrowEmptyAsync();
    }

    [Fact]
    public async Task A_returned_payout_is_retried_then_held_until_an_operator_resumes_it_and_then_paid_once()
    {
        this.Fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Return;
        TestPayment payment;
        try
        {
            payment = await this.Fixture.StartPaymentAsync(730m);
            await this.Fixture.DepositAsync(payment);
            var held = await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.OnHold);
            Assert.Equal(LifecycleFixture.Policy.PayoutAttempts, held.Timeline.Count(e => e.Kind == TimelineEventKind.PayoutReturned));
            Assert.Empty(this.Fixture.SettledPayoutsTo(payment.SellerAccountId));
        }
        finally
        {
            this.Fixture.Stack.Juno.PayoutMode = JunoPayoutMode.Settle;
        }

        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(730m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        var saved = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.Resumed);
        await this.AssertLedgerAsync(payment, seller: 730m, buyer: -730m);
        await this.AssertFinalStepAsync(payment, "completed");
    }

    [Fact]
    public async Task A_withdrawal_whose_answers_are_lost_is_held_and_on_resume_sent_once_under_the_same_key()
    {
        // Juno commits every withdrawal but the answer never arrives: retries run out and the payment is held.
        this.Fixture.Stack.Juno.SetFault("/mint_platform/v1/withdrawals", new JunoFault { DropNext = 1_000 });
        TestPayment payment;
        try
        {
            payment = await this.Fixture.StartPaymentAsync(333.33m);
            await this.Fixture.DepositAsync(payment);
            await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.OnHold);
        }
        finally
        {
            this.Fixture.Stack.Juno.ClearFaults();
        }

        // The operator's resume retries the step with the step's key, so Juno answers with the withdrawal it already made.
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Single(this.Fixture.Stack.Juno.Transactions, t => t.TransactionType == JunoTransactionType.CryptoWithdrawal && t.Amount == 333.33m);
        Assert.Equal(333.33m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        await this.AssertEscrowEmptyAsync();
        await this.AssertLedgerAsync(payment, seller: 333.33m, buyer: -333.33m);
    }

    [Fact]
    public async Task A_juno_outage_during_the_withdrawal_holds_the_payment_instead_of_refunding_it()
    {
        // 503s until the client and the step give up: an outage, after which Juno may or may not have acted.
        this.Fixture.Stack.Juno.SetFault("/mint_platform/v1/withdrawals", new JunoFault { FailNext = 1_000 });
        TestPayment payment;
        try
        {
            payment = await this.Fixture.StartPaymentAsync(344.44m);
            await this.Fixture.DepositAsync(payment);
            await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.OnHold);
        }
        finally
        {
            this.Fixture.Stack.Juno.ClearFaults();
        }

        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Resume, new OperatorAction("operator"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Empty(this.Fixture.SettledPayoutsTo(payment.BuyerAccountId!));
        Assert.Equal(344.44m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId)).Amount);
    }

    [Fact]
    public async Task A_large_payment_is_released_only_after_two_different_approvers()
    {
        var payment = await this.Fixture.StartPaymentAsync(150_000m, requiredApprovals: 2);
        await this.Fixture.DepositAsync(payment);
        await this.Fixture.WaitForStatusAsync(payment, PaymentStatus.AwaitingApproval);

        var first = await this.Fixture.Store.ApproveAsync(payment.Id, "ana", CancellationToken.None);
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("ana"));
        var again = await this.Fixture.Store.ApproveAsync(payment.Id, "ana", CancellationToken.None);
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("ana"));

        Assert.Equal(ApprovalOutcome.Recorded, first.Outcome);
        Assert.Equal(ApprovalOutcome.AlreadyApprovedByThisApprover, again.Outcome);
        Assert.Equal(1, again.Count);
        // One approver, however often, releases nothing: the escrow still holds the payment.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var waiting = (await this.Fixture.Store.FindAsync(payment.Id, CancellationToken.None))!;
        Assert.Equal(PaymentStatus.AwaitingApproval, waiting.Status);
        Assert.Equal(EscrowStatus.Funded, waiting.Escrow!.Status);

        // The wait is recorded as what it is, with its count, not as a release request by "someone".
        var wait = Assert.Single(waiting.Timeline, e => e.Kind == TimelineEventKind.AwaitingApproval);
        Assert.Equal("The release awaits approvals (0 of 2).", TimelineRenderer.Render(wait, TimelineLanguage.English));
        Assert.DoesNotContain(waiting.Timeline, e => e.Kind == TimelineEventKind.ReleaseRequested);

        Assert.Equal(ApprovalOutcome.Recorded, (await this.Fixture.Store.ApproveAsync(payment.Id, "luis", CancellationToken.None)).Outcome);
        await this.Fixture.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.Approved, new OperatorAction("luis"));
        var outcome = await this.Fixture.CompletionAsync(payment);

        Assert.Equal(PaymentStatus.Completed, outcome.Status);
        Assert.Equal(150_000m, Assert.Single(this.Fixture.SettledPayoutsTo(payment.SellerAccountId)).Amount);
        await this.AssertEscrowEmptyAsync();
    }

    [Fact]
    public async Task A_hundred_payments_started_together_all_complete_each_paid_once()
    {
        var payments = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => this.Fixture.StartPaymentAsync(100m + i)));
        await Task.WhenAll(payments.Select(this.Fixture.DepositAsync));

        var outcomes = await Task.WhenAll(payments.Select(p => this.Fixture.CompletionAsync(p, TimeSpan.FromMinutes(5))));

        Assert.All(outcomes, o => Assert.Equal(PaymentStatus.Completed, o.Status));
        Assert.All(payments, p => Assert.Equal(p.Amount, Assert.Single(this.Fixture.SettledPayoutsTo(p.SellerAccountId)).Amount));
        Assert.Equal(100, outcomes.Select(o => o.EscrowId).Distinct().Count());
        await this.AssertEscrowEmptyAsync();
    }
}
