namespace PaymentFunctions.Payments.Ledger;

/// <summary>A movement's direction: value leaves <paramref name="From"/> (credit) and enters <paramref name="To"/> (debit).</summary>
public sealed record LedgerTransfer(string From, string To);
