using Microsoft.DurableTask;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Records a step's status, timeline entry and ledger movements; idempotent by the update's key.</summary>
public sealed class RecordProgress(PaymentStore store) : TaskActivity<ProgressUpdate, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgressUpdate input)
    {
        foreach (var movement in input.Movements ?? [])
        {
            await store.PostLedgerAsync(input.PaymentId, movement, input.AmountMxn, $"{input.Key}:{movement}", CancellationToken.None);
        }

        var entry = input.Kind is { } kind
            ? new TimelineEntry(input.Key, kind, input.Data ?? new Dictionary<string, string>())
            : null;
        if (input.Status is { } status)
        {
            await store.SetStatusAsync(input.PaymentId, status, entry, CancellationToken.None);
        }
        else if (entry is not null)
        {
            await store.AppendTimelineAsync(input.PaymentId, entry, CancellationToken.None);
        }

        return true;
    }
}
