using PaymentFunctions.Durable;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Counts the distinct approvers who approved the payment's release.</summary>
public sealed class CountApprovals(PaymentStore store) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        var payment = await store.FindAsync(input, CancellationToken.None) ?? throw new PaymentNotFoundException(input);
        return payment.Approvals.Select(a => a.Approver).Distinct(StringComparer.Ordinal).Count();
    }
}
