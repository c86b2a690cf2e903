using System.Text.Json;
using Microsoft.DurableTask;
using PaymentFunctions.Rules.Metrics;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>
/// Records how an execution ended: the post-execution state (transaction hashes, gas used, effective gas price,
/// confirmations, final balances), the rule's history line (naming the limit of a refusal) and the audit entry;
/// transfers reserved but never sent are given back to the limits.
/// </summary>
public sealed class FinishExecution(RuleStore store, SafetyLedger ledger, RuleChain chain, RuleMetrics metrics) : TaskActivity<ExecutionFinish, ExecutionOutcome>
{
    public override async Task<ExecutionOutcome> RunAsync(TaskActivityContext context, ExecutionFinish input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var request = input.Request;
        var execution = await store.FindExecutionAsync(request.ExecutionId, ct).ConfigureAwait(false);
        var outcome = new ExecutionOutcome(request.ExecutionId, input.Status, input.Reason, input.Limit, input.Sent);
        if (execution is null || execution.CompletedAt is not null)
        {
            return outcome; // recorded by an earlier run of this activity
        }

        if (input.Status != ExecutionStatus.Completed)
        {
            await ledger.ReleaseAsync(request.ExecutionId, ct).ConfigureAwait(false);
        }

        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var address in input.Plan?.Transfers.Select(t => t.To).Distinct(StringComparer.Ordinal) ?? [])
        {
            balances[address] = await chain.BalanceAsync(address, ct).ConfigureAwait(false);
        }

        var source = await chain.SourceAddressAsync(ct).ConfigureAwait(false);
        balances[source] = await chain.BalanceAsync(source, ct).ConfigureAwait(false);
        var postState = JsonSerializer.Serialize(new { status = input.Status, reason = input.Reason, limit = input.Limit, transfers = input.Sent, estimate = input.Estimate, final_balances = balances }, StateJson.Options);
        var details = JsonSerializer.Serialize(new { mode = request.Mode, requested_by = request.RequestedBy, total = input.Plan?.Total, transfers = input.Plan?.Transfers }, StateJson.Options);
        if (!await store.CompleteExecutionAsync(request.ExecutionId, input.Status, postState, input.Reason, input.Limit, details, ct).ConfigureAwait(false))
        {
            return outcome;
        }

        if (execution.Status == ExecutionStatus.AwaitingApproval)
        {
            metrics.AwaitingApproval(-1);
        }

        metrics.Ended(input.Status);
        if (input.Status == ExecutionStatus.Refused)
        {
            metrics.Refused(input.Limit ?? "validation");
        }

        return outcome;
    }
}
