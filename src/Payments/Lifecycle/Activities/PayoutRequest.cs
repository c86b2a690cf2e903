namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Redeem <paramref name="AmountMxn"/> of MXNB at Juno and pay it by SPEI to a registered bank account.</summary>
/// <remarks>
/// The step key names the operation within the payment (<c>{instanceId}:{step}</c>); a retry of the step, including one an
/// operator resumes after a hold, passes the same key, so Juno and the transaction manager return the first request's result.
/// </remarks>
public sealed record PayoutRequest(string PaymentId, decimal AmountMxn, string BankAccountId, string StepKey);
