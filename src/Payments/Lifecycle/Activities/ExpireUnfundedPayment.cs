using Microsoft.DurableTask;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Expires a payment at its deadline unless a deposit was claimed for it at the last moment; false means a claim won
/// and its <see cref="PaymentEvents.DepositMatched"/> event is on its way.
/// </summary>
public sealed class ExpireUnfundedPayment(PaymentStore store) : TaskActivity<string, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, string input) =>
        store.ExpireIfUnfundedAsync(input, new TimelineEntry("expired", TimelineEventKind.Expired, new Dictionary<string, string>()), CancellationToken.None);
}
