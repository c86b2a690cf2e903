namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>The on-chain transfer to the platform's deposit address to look for at Juno, its amount, and how long to look.</summary>
public sealed record PlatformCreditWait(string TransactionHash, decimal AmountMxn, TimeSpan Within);
