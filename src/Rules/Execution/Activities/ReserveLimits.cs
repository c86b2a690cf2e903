using Microsoft.DurableTask;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>Counts the execution's transfers against the safety limits, or names the limit that refuses them.</summary>
public sealed class ReserveLimits(SafetyLedger ledger, RuleStore store, Metrics.RuleMetrics metrics) : TaskActivity<SpendRequest, SafetyDecision>
{
    public override async Task<SafetyDecision> RunAsync(TaskActivityContext context, SpendRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = await ledger.TryReserveAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (decision.Allowed)
        {
            await store.UpdateExecutionAsync(input.ExecutionId, ExecutionStatus.Sending, null, null, null, null, CancellationToken.None).ConfigureAwait(false);
            metrics.AwaitingApproval(-1);
        }

        return decision;
    }
}
