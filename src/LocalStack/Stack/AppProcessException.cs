namespace PaymentFunctions.LocalStack.Stack;

/// <summary>The app could not be built, did not start, or did not become ready; the message carries its last output.</summary>
public sealed class AppProcessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AppProcessException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AppProcessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public AppProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
