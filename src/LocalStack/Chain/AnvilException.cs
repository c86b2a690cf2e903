namespace PaymentFunctions.LocalStack.Chain;

/// <summary>Anvil could not be found or did not start; the message says what to do.</summary>
public sealed class AnvilException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnvilException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AnvilException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AnvilException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
