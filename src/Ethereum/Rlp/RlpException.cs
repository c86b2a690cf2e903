namespace PaymentFunctions.Ethereum.Rlp;

/// <summary>Thrown when bytes are not valid canonical RLP.</summary>
public sealed class RlpException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RlpException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RlpException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
