using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Payload of <see cref="PaymentEvents.Resolve"/>: release to the seller, or refund the buyer.</summary>
public sealed record DisputeResolution(DisputeOutcome Outcome, string Actor, string? Reason = null);
