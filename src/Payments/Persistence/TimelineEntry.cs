using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>A timeline event to append. <paramref name="Key"/> is unique per payment, so appending the same entry twice records it once.</summary>
/// <param name="Key">Idempotency key within the payment (e.g. <c>escrow-created</c>).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Data">Rendering details; keys in <see cref="TimelineData"/>.</param>
/// <param name="OccurredAt">When it happened; the store's clock when null.</param>
public sealed record TimelineEntry(string Key, TimelineEventKind Kind, IReadOnlyDictionary<string, string> Data, DateTimeOffset? OccurredAt = null);
