namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>A payment, the amount a step moves, and the step's idempotency key.</summary>
/// <remarks>
/// The step key names the operation within the payment (<c>{instanceId}:{step}</c>); a retry of the step, including one an
/// operator resumes after a hold, passes the same key, so Juno and the transaction manager return the first request's result.
/// </remarks>
public sealed record PaymentAmount(string PaymentId, decimal AmountMxn, string StepKey);
