namespace PaymentFunctions.Rules.Execution;

/// <summary>A transfer reverted on chain: retrying cannot help, so the execution stops and records why.</summary>
public sealed class TransferRevertedException : Exception
{
    public TransferRevertedException()
    {
    }

    public TransferRevertedException(string message)
        : base(message)
    {
    }

    public TransferRevertedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
