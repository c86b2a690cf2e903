namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>Azurite could not be found or did not start; the message says why and what to do.</summary>
public sealed class AzuriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AzuriteException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AzuriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AzuriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
