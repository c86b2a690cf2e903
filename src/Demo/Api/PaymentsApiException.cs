namespace PaymentFunctions.Demo.Api;

/// <summary>The API answered with an unexpected status; the message carries the problem details it sent.</summary>
public sealed class PaymentsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PaymentsApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PaymentsApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PaymentsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
