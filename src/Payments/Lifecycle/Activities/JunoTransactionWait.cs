namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Which Juno transaction to watch, and for how long one activity may poll it.</summary>
public sealed record JunoTransactionWait(string TransactionId, TimeSpan Within);
