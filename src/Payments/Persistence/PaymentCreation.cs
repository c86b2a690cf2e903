using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>The outcome of <see cref="PaymentStore.CreateAsync"/>: the payment, and whether this call created it
/// (false when an idempotent retry returned the original), so the API can answer 201 or 200.</summary>
public sealed record PaymentCreation(Payment Payment, bool Created);
