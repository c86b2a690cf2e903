namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>What the escrow for a payment must hold and until when.</summary>
public sealed record EscrowRequest(string PaymentId, decimal AmountMxn, DateTimeOffset CustodyEnd);
