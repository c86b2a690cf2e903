using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// A step's bookkeeping: the payment's new status, its timeline entry and ledger movements. <paramref name="Key"/> names
/// the step (unique within the payment), so running the activity twice records everything once.
/// </summary>
public sealed record ProgressUpdate(
    string PaymentId,
    string Key,
    decimal AmountMxn,
    PaymentStatus? Status = null,
    TimelineEventKind? Kind = null,
    IReadOnlyDictionary<string, string>? Data = null,
    IReadOnlyList<LedgerMovement>? Movements = null);
