namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// A private PostgreSQL cluster could not be created, started or stopped. The message carries
/// the tool output or the tail of the server log, so a failing CI run explains itself.
/// </summary>
public sealed class PostgresClusterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgresClusterException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PostgresClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PostgresClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
