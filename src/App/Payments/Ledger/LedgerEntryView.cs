namespace PaymentFunctions.App.Payments.Ledger;

/// <summary>One side of a ledger movement: the account and its signed MXN amount.</summary>
public sealed record LedgerEntryView(string Account, decimal Amount);
