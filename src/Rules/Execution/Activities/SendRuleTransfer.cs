using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PaymentFunctions.Rules.Metrics;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>
/// Sends one transfer under the intent id <c>{executionId}:transfer:{index}</c> (a retry, or a restart after a crash,
/// picks up the same transaction), waits for the rule's confirmation depth and counts it as sent.
/// </summary>
public sealed class SendRuleTransfer(RuleChain chain, SafetyLedger ledger, RuleStore store, RuleMetrics metrics, IOptions<RulesOptions> options)
    : TaskActivity<TransferStep, SentTransfer>
{
    public override async Task<SentTransfer> RunAsync(TaskActivityContext context, TransferStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var sent = await chain.SendAsync(input.ExecutionId, input.Transfer, input.ConfirmationBlocks, options.Value.ConfirmationPollInterval, ct).ConfigureAwait(false);

        // Counted by the attempt that first marks the transfer sent, never again by a retry.
        if (await ledger.MarkSentAsync(input.ExecutionId, input.Transfer.Index, ct).ConfigureAwait(false))
        {
            metrics.Sent(sent.Amount, sent.GasUsed, DateOnly.FromDateTime(store.Now.UtcDateTime));
            if (input.Transfer.Index == 0 && await store.FindExecutionAsync(input.ExecutionId, ct).ConfigureAwait(false) is { ApprovedAt: { } approved })
            {
                metrics.FirstTransfer(store.Now - approved);
            }
        }

        return sent;
    }
}
