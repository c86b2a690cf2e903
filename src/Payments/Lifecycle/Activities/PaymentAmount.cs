namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>A payment and the amount a step moves.</summary>
public sealed record PaymentAmount(string PaymentId, decimal AmountMxn);
