using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>The orchestration's output: where the payment ended and the money's last movement.</summary>
public sealed record PaymentOutcome(PaymentStatus Status, string? PayoutTransactionId = null, string? EscrowId = null);
