namespace PaymentFunctions.App.Payments.Ledger;

/// <summary>One posted movement of a payment as the API shows it: what moved, when, and its balanced entries.</summary>
/// <param name="Movement">The movement, e.g. <c>DepositReceived</c>.</param>
/// <param name="OccurredAt">When it was posted.</param>
/// <param name="Entries">The debit (positive) and credit (negative) sides, in MXN.</param>
public sealed record LedgerTransactionView(string Movement, DateTimeOffset OccurredAt, IReadOnlyList<LedgerEntryView> Entries);
