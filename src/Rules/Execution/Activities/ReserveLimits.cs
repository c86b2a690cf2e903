using Microsoft.DurableTask;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>
/// Counts the execution's transfers against the safety limits and the source's balance as it is now (after the
/// approvals, just before the first transfer), or names the limit that refuses them.
/// </summary>
public sealed class ReserveLimits(SafetyLedger ledger, RuleChain chain, RuleStore store, Metrics.RuleMetrics metrics) : TaskActivity<SpendRequest, SafetyDecision>
{
    public override async Task<SafetyDecision> RunAsync(TaskActivityContext context, SpendRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var balance = await chain.BalanceAsync(await chain.SourceAddressAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        var decision = await ledger.TryReserveAsync(input with { SourceBalance = balance }, ct).ConfigureAwait(false);
        if (decision.Allowed)
        {
            await store.UpdateExecutionAsync(input.ExecutionId, ExecutionStatus.Sending, null, null, null, null, ct).ConfigureAwait(false);
            metrics.AwaitingApproval(-1);
        }

        return decision;
    }
}
