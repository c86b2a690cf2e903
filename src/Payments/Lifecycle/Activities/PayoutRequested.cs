namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>A redemption Juno accepted: its transaction, and the CLABE and SPEI tracking key it pays to, for the timeline.</summary>
public sealed record PayoutRequested(string TransactionId, string? Clabe, string? TrackingKey);
