namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Redeem <paramref name="AmountMxn"/> of MXNB at Juno and pay it by SPEI to a registered bank account.</summary>
public sealed record PayoutRequest(string PaymentId, decimal AmountMxn, string BankAccountId);
