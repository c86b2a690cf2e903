namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>Test seams at the points where a process can crash; an exception thrown here stops the send like a crash would.</summary>
internal sealed class TransactionManagerHooks
{
    /// <summary>Runs after the signed transaction is committed to the database and before it is first sent.</summary>
    public Func<TransactionRecord, CancellationToken, Task>? AfterPersistAsync { get; init; }

    /// <summary>Runs after an attempt was handed to the node.</summary>
    public Func<TransactionRecord, CancellationToken, Task>? AfterSendAsync { get; init; }
}
