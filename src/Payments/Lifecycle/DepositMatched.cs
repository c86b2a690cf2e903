namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>Payload of <see cref="PaymentEvents.DepositMatched"/>: the Juno ISSUANCE transaction claimed for the payment.</summary>
public sealed record DepositMatched(string TransactionId, decimal AmountMxn);
