namespace PaymentFunctions.Payments.Ledger;

/// <summary>One posted movement of a payment; its <see cref="Entries"/> always sum to zero.</summary>
public sealed class LedgerTransaction
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The payment whose value moved.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Idempotency key, unique per payment, so a retried activity posts once.</summary>
    public string Key { get; set; } = "";

    /// <summary>What moved.</summary>
    public LedgerMovement Movement { get; set; }

    /// <summary>When it was posted (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The debit and the credit.</summary>
    public List<LedgerEntry> Entries { get; set; } = [];
}
