using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Rules.Definitions;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// Turns a rule and its source's balance into transfers, exactly: each share is rounded down to the token's
/// 6 decimals and what rounding leaves goes to the last share, so the transfers always sum to the total.
/// </summary>
public static class TransferPlanner
{
    public static ExecutionPlan Plan(RuleDefinition rule, decimal sourceBalance)
    {
        ArgumentNullException.ThrowIfNull(rule);
        switch (rule.Type)
        {
            case RuleType.ContractorPayment:
                var amount = rule.Amount!.Value;
                return new ExecutionPlan(amount, amount, [new PlannedTransfer(0, rule.Recipient!.Address, rule.Recipient.Name, amount)], sourceBalance);
            case RuleType.RevenueAllocation:
                return Split(rule, sourceBalance, sourceBalance);
            default:
                // The profit is what the source holds; what lies above the threshold is distributed.
                var above = sourceBalance - (rule.ProfitThreshold ?? 0m);
                return Split(rule, sourceBalance, above > 0 ? above : 0m);
        }
    }

    private static ExecutionPlan Split(RuleDefinition rule, decimal sourceBalance, decimal total)
    {
        var transfers = new List<PlannedTransfer>(rule.Allocations.Count);
        var left = total;
        for (var i = 0; i < rule.Allocations.Count; i++)
        {
            var allocation = rule.Allocations[i];
            var share = i == rule.Allocations.Count - 1
                ? left
                : Math.Round(total * allocation.Percentage / 100m, MxnbAmount.Decimals, MidpointRounding.ToZero);
            left -= share;
            transfers.Add(new PlannedTransfer(i, allocation.Target, allocation.Name, share));
        }

        return new ExecutionPlan(total, total, transfers, sourceBalance);
    }
}
