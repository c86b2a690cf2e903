using Microsoft.DurableTask;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Counts the distinct approvers who approved the payment's release.</summary>
public sealed class CountApprovals(PaymentStore store) : TaskActivity<string, int>
{
    /// <inheritdoc />
    public override Task<int> RunAsync(TaskActivityContext context, string input) => store.CountApprovalsAsync(input, CancellationToken.None);
}
