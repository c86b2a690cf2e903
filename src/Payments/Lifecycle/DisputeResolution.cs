namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Payload of <see cref="PaymentEvents.Resolve"/>: release to the seller, or refund the buyer.</summary>
public sealed record DisputeResolution(bool ToSeller, string Actor, string? Reason = null);
