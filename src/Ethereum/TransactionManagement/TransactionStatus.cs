namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>Where a stored transaction is in its life; stored as lower-case text.</summary>
public enum TransactionStatus
{
    /// <summary>Signed and stored, maybe not yet sent (a crash here is recovered by re-sending the stored bytes).</summary>
    Persisted,

    /// <summary>Sent at least once; waiting to be mined and confirmed.</summary>
    Sent,

    /// <summary>Mined with status 1 and confirmed to the configured depth.</summary>
    Confirmed,

    /// <summary>Mined with status 0 (reverted) and confirmed to the configured depth.</summary>
    Reverted,
}
