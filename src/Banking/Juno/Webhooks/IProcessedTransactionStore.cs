namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Remembers which transactions' final states were already handed out, so duplicates act once.</summary>
/// <remarks>The in-memory default covers one process; a database-backed implementation covers several.</remarks>
public interface IProcessedTransactionStore
{
    /// <summary>Atomically marks the transaction processed; false when it already was.</summary>
    ValueTask<bool> TryMarkProcessedAsync(string transactionId, CancellationToken cancellationToken);
}
