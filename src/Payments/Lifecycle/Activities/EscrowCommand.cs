namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>An action on a payment's escrow.</summary>
public sealed record EscrowCommand(string PaymentId, string EscrowId, EscrowAction Action);
