using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.Payments.Chain;

/// <summary>
/// An escrow or token transaction failed for good: it reverted (or would revert), or the node refused it for a
/// reason retrying cannot fix. Activities treat it as permanent and compensate instead of retrying.
/// </summary>
public sealed class EscrowTransactionFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EscrowTransactionFailedException()
        : this("The escrow transaction failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public EscrowTransactionFailedException(string message)
        : base(message)
    {
        Operation = string.Empty;
        IntentId = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public EscrowTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        IntentId = string.Empty;
    }

    /// <summary>Creates the exception for one operation.</summary>
    /// <param name="operation">What was attempted, e.g. <c>release</c>.</param>
    /// <param name="intentId">The transaction intent id.</param>
    /// <param name="revert">The decoded revert reason, if it reverted.</param>
    /// <param name="transactionHash">The mined transaction, or null when nothing was sent (estimation reverted).</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EscrowTransactionFailedException(string operation, string intentId, RevertReason? revert, string? transactionHash, Exception? innerException = null)
        : base(Describe(operation, intentId, revert, transactionHash, innerException), innerException)
    {
        Operation = operation;
        IntentId = intentId;
        Revert = revert;
        TransactionHash = transactionHash;
    }

    /// <summary>What was attempted (<c>approve</c>, <c>createEscrow</c>, <c>release</c>, ...).</summary>
    public string Operation { get; }

    /// <summary>The transaction intent id (<c>{stepKey}:{operation}</c>).</summary>
    public string IntentId { get; }

    /// <summary>Why it reverted (e.g. <c>InvalidStatus</c>); null when the node refused it instead.</summary>
    public RevertReason? Revert { get; }

    /// <summary>The mined, reverted transaction; null when nothing was mined.</summary>
    public string? TransactionHash { get; }

    private static string Describe(string operation, string intentId, RevertReason? revert, string? transactionHash, Exception? inner)
    {
        var why = revert?.Message ?? inner?.Message ?? "failed";
        var where = transactionHash is null ? "before sending" : $"in {transactionHash}";
        return $"{operation} ({intentId}) failed {where}: {why}";
    }
}
