namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>
/// The stored transaction's nonce was used on chain by a transaction this manager did not sign (someone else
/// sends from the same account). None of the stored attempts can be mined any more; an operator has to decide.
/// </summary>
public sealed class NonceConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonceConflictException()
        : base("The transaction's nonce was used by another transaction.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonceConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The intent whose nonce was taken.</summary>
    public string? IntentId { get; init; }
}
