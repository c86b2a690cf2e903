namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Payload of the operator events: who acted and why, for the timeline.</summary>
public sealed record OperatorAction(string Actor, string? Reason = null);
