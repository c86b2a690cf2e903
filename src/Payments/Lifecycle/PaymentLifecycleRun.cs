using System.Globalization;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Banking.Juno.Models;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Lifecycle.Activities;

namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>
/// One execution of <see cref="PaymentLifecycle"/>. Everything here is replayed: it only calls activities, timers and
/// events through the context, and every timeline and ledger key is derived from the step, never from the clock.
/// </summary>
internal sealed partial class PaymentLifecycleRun
{
    private readonly TaskOrchestrationContext context;
    private readonly PaymentLifecycleInput input;
    private readonly TaskOptions stepRetry;
    private readonly ILogger logger;

    public PaymentLifecycleRun(TaskOrchestrationContext context, PaymentLifecycleInput input)
    {
        this.context = context;
        this.input = input;
        this.logger = context.CreateReplaySafeLogger<PaymentLifecycle>();

        // Transient failures (network, 5xx, timeouts) are retried with backoff; a revert on chain will revert again.
        this.stepRetry = TaskOptions.FromRetryPolicy(
            new RetryPolicy(input.Policy.StepAttempts, input.Policy.StepRetryInterval, backoffCoefficient: 2.0)
            {
                HandleFailure = static failure => !IsPermanent(failure),
            });
    }

    private PaymentStatus status = PaymentStatus.AwaitingDeposit;
    private int holds;
    private LifecycleProgress progress = new("awaiting-deposit", 1);

    private string PaymentId => this.input.PaymentId;

    private decimal Amount => this.input.AmountMxn;

    /// <summary>Runs the lifecycle; the custom status ends on the final state, whichever path led there.</summary>
    public async Task<PaymentOutcome> RunAsync()
    {
        var outcome = await this.RunStepsAsync();
        this.Progress(FinalStep(outcome.Status), LifecycleProgress.Steps);
        return outcome;
    }

    private async Task<PaymentOutcome> RunStepsAsync()
    {
        this.Progress("awaiting-deposit", 1);
        if (await this.AwaitDepositAsync() is null)
        {
            return new PaymentOutcome(PaymentStatus.Expired);
        }

        await this.RecordAsync("deposit", PaymentStatus.Funding, movements: [LedgerMovement.BuyerDeposit, LedgerMovement.MxnbIssued]);

        this.Progress("withdrawing-to-bridge", 2);
        var withdrawn = await this.WithdrawToBridgeAsync();
        if (withdrawn.Failure is { } withdrawalFailure)
        {
            return await this.RefundAsync(tokensOnBridge: false, withdrawalFailure);
        }

        this.Progress("creating-escrow", 3);
        string escrowId;
        try
        {
            escrowId = await this.CallAsync<string>(nameof(FundEscrow), new EscrowRequest(this.PaymentId, this.Amount, this.input.CustodyEnd, this.StepKey("escrow")));
        }
        catch (TaskFailedException ex)
        {
            return await this.RefundAsync(tokensOnBridge: true, $"escrow: {ex.FailureDetails.ErrorMessage}");
        }

        this.Progress("custody", 4);
        var (custody, action) = await this.AwaitCustodyAsync();
        string releaseTransaction;
        switch (custody)
        {
            case CustodyOutcome.Cancelled:
                return await this.RefundFromEscrowAsync(escrowId, EscrowAction.Cancel, "cancelled", TimelineEventKind.Cancelled, action);

            case CustodyOutcome.Disputed:
                await this.RecordAsync("disputed", PaymentStatus.Disputed, TimelineEventKind.Disputed, Actor(action));
                await this.CallAsync<string>(nameof(ActOnEscrow), this.EscrowCommand(escrowId, EscrowAction.Dispute));
                var resolution = await this.context.WaitForExternalEvent<DisputeResolution>(PaymentEvents.Resolve);
                await this.RecordAsync("dispute-resolved", kind: TimelineEventKind.DisputeResolved, data: new Dictionary<string, string>
                {
                    [TimelineData.Outcome] = resolution.Outcome.ToString(),
                    [TimelineData.Actor] = resolution.Actor,
                });
                if (resolution.Outcome != DisputeOutcome.Seller || !await this.AwaitApprovalsAsync())
                {
                    return await this.RefundFromEscrowAsync(escrowId, EscrowAction.ResolveToBuyer, "resolved-to-buyer", TimelineEventKind.EscrowRefunded, null);
                }

                releaseTransaction = await this.CallAsync<string>(nameof(ActOnEscrow), this.EscrowCommand(escrowId, EscrowAction.ResolveToSeller));
                break;

            default:
                if (!await this.AwaitApprovalsAsync())
                {
                    return await this.RefundFromEscrowAsync(escrowId, EscrowAction.Refund, "cancelled", TimelineEventKind.Cancelled, null);
                }

                this.Progress("releasing", 5);
                await this.RecordAsync("releasing", PaymentStatus.Releasing);
                releaseTransaction = await this.CallAsync<string>(nameof(ActOnEscrow), this.EscrowCommand(escrowId, EscrowAction.Release));
                break;
        }

        await this.RecordAsync("escrow-released", kind: TimelineEventKind.EscrowReleased, data: Hash(releaseTransaction), movements: [LedgerMovement.EscrowReleased]);

        this.Progress("redeeming", 6);
        await this.AwaitPlatformCreditAsync(releaseTransaction);
        await this.RecordAsync("paying-out", PaymentStatus.PayingOut, TimelineEventKind.Redeemed, Amounts());

        this.Progress("paying-out", 7);
        var payout = await this.PayOutAsync(this.input.SellerBankAccountId, refund: false);

        await this.RecordAsync("completed", PaymentStatus.Completed, TimelineEventKind.Completed, Amounts());
        return new PaymentOutcome(PaymentStatus.Completed, payout, escrowId);
    }

    private async Task<DepositMatched?> AwaitDepositAsync()
    {
        using var cancel = new CancellationTokenSource();
        var matched = this.context.WaitForExternalEvent<DepositMatched>(PaymentEvents.DepositMatched, cancel.Token);
        var deadline = this.context.CreateTimer(this.input.Deadline.UtcDateTime, cancel.Token);
        if (await Task.WhenAny(matched, deadline) == matched)
        {
            cancel.Cancel();
            return await matched;
        }

        // The deadline passed. A deposit claimed at the same moment wins: its event is on the way, so wait for it.
        if (await this.CallAsync<bool>(nameof(ExpireUnfundedPayment), this.PaymentId))
        {
            return null;
        }

        return await matched;
    }

    private async Task<(string? TransactionId, string? Failure)> WithdrawToBridgeAsync()
    {
        string withdrawal;
        try
        {
            withdrawal = await this.CallAsync<string>(nameof(WithdrawToBridge), new PaymentAmount(this.PaymentId, this.Amount, this.StepKey("withdraw")));
        }
        catch (TaskFailedException ex)
        {
            return (null, $"withdrawal: {ex.FailureDetails.ErrorMessage}");
        }

        await this.RecordAsync("withdrawal-requested", kind: TimelineEventKind.WithdrawalRequested, data: new Dictionary<string, string>
        {
            [TimelineData.TransactionId] = withdrawal,
            [TimelineData.AmountMxn] = FormatAmount(this.Amount),
        });
        var state = await this.AwaitJunoAsync(withdrawal);
        if (state.Status != JunoTransactionStatus.Complete)
        {
            return (withdrawal, $"withdrawal: {state.FailureReason ?? "failed at Juno"}");
        }

        await this.RecordAsync("tokens-arrived", kind: TimelineEventKind.TokensArrived, data: Hash(state.TransactionHash), movements: [LedgerMovement.WithdrawnToBridge]);
        return (withdrawal, null);
    }

    private async Task<(CustodyOutcome Outcome, OperatorAction? Action)> AwaitCustodyAsync()
    {
        if (this.context.CurrentUtcDateTime >= this.input.CustodyEnd.UtcDateTime)
        {
            return (CustodyOutcome.Elapsed, null);
        }

        await this.RecordAsync("custody-started", kind: TimelineEventKind.CustodyStarted, data: new Dictionary<string, string>
        {
            [TimelineData.Until] = this.input.CustodyEnd.ToString("O", CultureInfo.InvariantCulture),
        });
        using var cancel = new CancellationTokenSource();
        var elapsed = this.context.CreateTimer(this.input.CustodyEnd.UtcDateTime, cancel.Token);
        var dispute = this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.Dispute, cancel.Token);
        var early = this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.ReleaseEarly, cancel.Token);
        var cancelled = this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.Cancel, cancel.Token);
        var winner = await Task.WhenAny(elapsed, dispute, early, cancelled);
        cancel.Cancel();
        if (winner == dispute)
        {
            return (CustodyOutcome.Disputed, await dispute);
        }

        if (winner == cancelled)
        {
            return (CustodyOutcome.Cancelled, await cancelled);
        }

        if (winner == early)
        {
            var action = await early;
            await this.RecordAsync("release-early", kind: TimelineEventKind.ReleaseRequested, data: Actor(action));
            return (CustodyOutcome.ReleasedEarly, action);
        }

        return (CustodyOutcome.Elapsed, null);
    }

    /// <summary>Waits until enough different approvers approved; false when the payment is cancelled meanwhile.</summary>
    private async Task<bool> AwaitApprovalsAsync()
    {
        var required = this.input.RequiredApprovals;
        if (required <= 0)
        {
            return true;
        }

        var count = await this.CallAsync<int>(nameof(CountApprovals), this.PaymentId);
        if (count < required)
        {
            await this.RecordAsync("awaiting-approval", PaymentStatus.AwaitingApproval, TimelineEventKind.AwaitingApproval, new Dictionary<string, string>
            {
                [TimelineData.Count] = count.ToString(CultureInfo.InvariantCulture),
                [TimelineData.Required] = required.ToString(CultureInfo.InvariantCulture),
            });
        }

        while (count < required)
        {
            using var cancel = new CancellationTokenSource();
            var approved = this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.Approved, cancel.Token);
            var cancelled = this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.Cancel, cancel.Token);
            var winner = await Task.WhenAny(approved, cancelled);
            cancel.Cancel();
            if (winner == cancelled)
            {
                await this.RecordAsync("cancelled", kind: TimelineEventKind.Cancelled, data: Actor(await cancelled));
                return false;
            }

            count = await this.CallAsync<int>(nameof(CountApprovals), this.PaymentId);
        }

        await this.RecordAsync("approvals-complete", kind: TimelineEventKind.ApprovalsComplete, data: new Dictionary<string, string>
        {
            [TimelineData.Count] = count.ToString(CultureInfo.InvariantCulture),
            [TimelineData.Required] = required.ToString(CultureInfo.InvariantCulture),
        });
        return true;
    }

    /// <summary>Returns the escrowed tokens to the bridge wallet, then refunds the buyer.</summary>
    private async Task<PaymentOutcome> RefundFromEscrowAsync(string escrowId, EscrowAction action, string key, TimelineEventKind kind, OperatorAction? by)
    {
        var refunded = await this.CallAsync<string>(nameof(ActOnEscrow), this.EscrowCommand(escrowId, action));
        var data = Hash(refunded);
        if (by is not null)
        {
            data[TimelineData.Actor] = by.Actor;
        }

        await this.RecordAsync(key, kind: kind, data: data, movements: [LedgerMovement.EscrowRefunded]);
        var outcome = await this.RefundAsync(tokensOnBridge: true, reason: null);
        return outcome with { EscrowId = escrowId };
    }

    /// <summary>
    /// Compensation: brings the tokens back to Juno (when they are on the bridge wallet), redeems them and pays the
    /// buyer's registered refund account by SPEI. Without a registered account the funds are held for an operator.
    /// </summary>
    private async Task<PaymentOutcome> RefundAsync(bool tokensOnBridge, string? reason)
    {
        this.Progress("refunding", 5);
        var data = reason is null ? null : new Dictionary<string, string> { [TimelineData.Reason] = reason };
        await this.RecordAsync("refunding", PaymentStatus.Refunding, reason is null ? null : TimelineEventKind.Failed, data);
        if (tokensOnBridge)
        {
            var returned = await this.CallAsync<string>(nameof(ReturnToJuno), new PaymentAmount(this.PaymentId, this.Amount, this.StepKey("return-to-juno")));
            await this.RecordAsync("returned-to-juno", movements: [LedgerMovement.ReturnedToJuno]);
            await this.AwaitPlatformCreditAsync(returned);
        }

        string? account;
        for (var round = 0; (account = await this.CallAsync<string?>(nameof(FindRefundAccount), this.PaymentId)) is null; round++)
        {
            await this.HoldAsync($"refund-account-{round}", "no registered refund account for the buyer", PaymentStatus.Refunding);
        }

        var payout = await this.PayOutAsync(account, refund: true);
        await this.RecordAsync("refunded", PaymentStatus.Refunded, TimelineEventKind.Refunded, Amounts());
        return new PaymentOutcome(PaymentStatus.Refunded, payout);
    }

    /// <summary>
    /// Redeems and pays out by SPEI until the payout settles: a returned payout is re-sent with backoff as a new step
    /// (new idempotency key); after the configured attempts the funds are held until an operator resumes.
    /// </summary>
    private async Task<string> PayOutAsync(string bankAccountId, bool refund)
    {
        var prefix = refund ? "refund" : "payout";
        var policy = this.input.Policy;
        for (var round = 0; ; round++)
        {
            string? failure = null;
            for (var attempt = 1; attempt <= policy.PayoutAttempts; attempt++)
            {
                var step = $"{prefix}-{round}-{attempt}";
                if (attempt > 1)
                {
                    var backoff = policy.PayoutRetryInterval * Math.Pow(2, attempt - 2);
                    await this.context.CreateTimer(this.context.CurrentUtcDateTime + backoff, CancellationToken.None);
                }

                PayoutRequested requested;
                try
                {
                    requested = await this.CallAsync<PayoutRequested>(nameof(RequestPayout), new PayoutRequest(this.PaymentId, this.Amount, bankAccountId, this.StepKey(step)));
                }
                catch (TaskFailedException ex)
                {
                    failure = ex.FailureDetails.ErrorMessage;
                    continue;
                }

                var payout = requested.TransactionId;
                var sent = new Dictionary<string, string>
                {
                    [TimelineData.TransactionId] = payout,
                    [TimelineData.AmountMxn] = FormatAmount(this.Amount),
                };
                if (requested.Clabe is { } clabe)
                {
                    sent[TimelineData.Clabe] = clabe;
                }

                if (requested.TrackingKey is { } trackingKey)
                {
                    sent[TimelineData.TrackingKey] = trackingKey;
                }

                await this.RecordAsync($"{step}-sent", kind: refund ? TimelineEventKind.RefundSent : TimelineEventKind.PayoutSent, data: sent);
                var state = await this.AwaitJunoAsync(payout);
                if (state.Status == JunoTransactionStatus.Complete)
                {
                    await this.RecordAsync(
                        $"{step}-settled",
                        kind: refund ? null : TimelineEventKind.PayoutSettled,
                        data: new Dictionary<string, string> { [TimelineData.TransactionId] = payout, [TimelineData.AmountMxn] = FormatAmount(this.Amount) },
                        movements: [LedgerMovement.Redeemed, refund ? LedgerMovement.RefundedToBuyer : LedgerMovement.PaidOut]);
                    return payout;
                }

                failure = state.FailureReason ?? "returned";
                await this.RecordAsync($"{step}-returned", kind: TimelineEventKind.PayoutReturned, data: new Dictionary<string, string>
                {
                    [TimelineData.TransactionId] = payout,
                    [TimelineData.Reason] = failure,
                });
            }

            await this.HoldAsync($"{prefix}-{round}", failure ?? "payout failed", refund ? PaymentStatus.Refunding : PaymentStatus.PayingOut);
        }
    }

    /// <summary>Holds the funds and alerts until an operator sends <see cref="PaymentEvents.Resume"/>.</summary>
    private async Task HoldAsync(string key, string reason, PaymentStatus resumeAs)
    {
        var heldAt = this.progress;
        this.Progress("on-hold", heldAt.StepNumber);
        LogHeld(this.logger, this.PaymentId, reason);
        try
        {
            await this.context.CallActivityAsync<bool>(
                nameof(RecordProgress),
                new ProgressUpdate(this.PaymentId, $"hold-{key}", this.Amount, PaymentStatus.OnHold, TimelineEventKind.OnHold, new Dictionary<string, string> { [TimelineData.Reason] = reason }),
                this.stepRetry);
        }
        catch (TaskFailedException ex)
        {
            // The database may be what failed; the hold still waits for the operator, who sees it in the log.
            LogHoldNotRecorded(this.logger, this.PaymentId, ex.FailureDetails.ErrorMessage);
        }

        var resumed = await this.context.WaitForExternalEvent<OperatorAction>(PaymentEvents.Resume);
        await this.RecordAsync($"resumed-{key}", resumeAs, TimelineEventKind.Resumed, Actor(resumed));
        this.Progress(heldAt.Step, heldAt.StepNumber);
    }

    private async Task<JunoTransactionState> AwaitJunoAsync(string transactionId)
    {
        while (true)
        {
            var state = await this.CallAsync<JunoTransactionState>(nameof(AwaitJunoTransaction), new JunoTransactionWait(transactionId, this.input.Policy.PollWithin));
            if (state.IsFinal)
            {
                return state;
            }

            await this.context.CreateTimer(this.context.CurrentUtcDateTime + this.input.Policy.PollInterval, CancellationToken.None);
        }
    }

    private async Task AwaitPlatformCreditAsync(string transactionHash)
    {
        var wait = new PlatformCreditWait(transactionHash, this.Amount, this.input.Policy.PollWithin);
        while (!await this.CallAsync<bool>(nameof(AwaitPlatformCredit), wait))
        {
            await this.context.CreateTimer(this.context.CurrentUtcDateTime + this.input.Policy.PollInterval, CancellationToken.None);
        }
    }

    private async Task RecordAsync(
        string key,
        PaymentStatus? status = null,
        TimelineEventKind? kind = null,
        IReadOnlyDictionary<string, string>? data = null,
        IReadOnlyList<LedgerMovement>? movements = null)
    {
        await this.CallAsync<bool>(nameof(RecordProgress), new ProgressUpdate(this.PaymentId, key, this.Amount, status, kind, data, movements));
        this.status = status ?? this.status;
    }

    /// <summary>
    /// Calls an activity with retries. A permanent failure (a revert, a final refusal by Juno) goes to the caller, which
    /// compensates; retries exhausted on a transient one hold the payment for an operator and try again on resume,
    /// so an outage never leaves money halfway with nobody told.
    /// </summary>
    private async Task<T> CallAsync<T>(string activity, object input)
    {
        while (true)
        {
            try
            {
                return await this.context.CallActivityAsync<T>(activity, input, this.stepRetry);
            }
            catch (TaskFailedException ex) when (!IsPermanent(ex.FailureDetails))
            {
                await this.HoldAsync($"{activity}-{++this.holds}", $"{activity}: {ex.FailureDetails.ErrorMessage}", this.status);
            }
        }
    }

    // Matched by name: TaskFailureDetails.IsCausedBy throws AmbiguousMatchException for framework exceptions that
    // netstandard forwards (HttpRequestException); thrown inside the catch filter below, it skipped the hold and refunded.
    private static bool IsPermanent(TaskFailureDetails failure) =>
        failure.ErrorType == typeof(EscrowTransactionFailedException).FullName || failure.ErrorType == typeof(JunoRefusedException).FullName;

    /// <summary>
    /// The idempotency key of a money-moving step: named by the step, not by the activity's task id, so retrying the
    /// step after a hold (a new activity call) still presents Juno and the transaction manager with the same key.
    /// </summary>
    private string StepKey(string step) => $"{this.context.InstanceId}:{step}";

    private EscrowCommand EscrowCommand(string escrowId, EscrowAction action) =>
        new(this.PaymentId, escrowId, action, this.StepKey($"escrow-{action}"));

    private void Progress(string step, int number)
    {
        this.progress = new LifecycleProgress(step, number);
        this.context.SetCustomStatus(this.progress);
    }

    private static string FinalStep(PaymentStatus status) => status switch
    {
        PaymentStatus.Completed => "completed",
        PaymentStatus.Refunded => "refunded",
        PaymentStatus.Expired => "expired",
        _ => "finished",
    };

    private Dictionary<string, string> Amounts() => new() { [TimelineData.AmountMxn] = FormatAmount(this.Amount) };

    private static Dictionary<string, string> Hash(string? transactionHash) =>
        transactionHash is null ? [] : new() { [TimelineData.TransactionHash] = transactionHash };

    private static Dictionary<string, string> Actor(OperatorAction? action)
    {
        var data = new Dictionary<string, string>();
        if (action is not null)
        {
            data[TimelineData.Actor] = action.Actor;
            if (action.Reason is { } reason)
            {
                data[TimelineData.Reason] = reason;
            }
        }

        return data;
    }

    private static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} is on hold for an operator: {Reason}")]
    private static partial void LogHeld(ILogger logger, string paymentId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId} is on hold but the hold could not be recorded: {Reason}")]
    private static partial void LogHoldNotRecorded(ILogger logger, string paymentId, string reason);
}
