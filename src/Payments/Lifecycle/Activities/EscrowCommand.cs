namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>An action on a payment's escrow.</summary>
/// <remarks>
/// The step key names the operation within the payment (<c>{instanceId}:{step}</c>); a retry of the step, including one an
/// operator resumes after a hold, passes the same key, so Juno and the transaction manager return the first request's result.
/// </remarks>
public sealed record EscrowCommand(string PaymentId, string EscrowId, EscrowAction Action, string StepKey);
