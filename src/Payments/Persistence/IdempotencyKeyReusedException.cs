namespace PaymentFunctions.Payments.Persistence;

/// <summary>An idempotency key came back with a different request; the API answers 422 instead of guessing which one was meant.</summary>
public sealed class IdempotencyKeyReusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="paymentId"/>, the payment the key already created.</summary>
    public IdempotencyKeyReusedException(string paymentId)
        : base($"The idempotency key was already used for payment {paymentId} with a different request.") =>
        PaymentId = paymentId;

    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyReusedException()
        : this("(unknown)")
    {
    }

    /// <summary>Creates the exception.</summary>
    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException) => PaymentId = "(unknown)";

    /// <summary>The payment the key created first.</summary>
    public string PaymentId { get; }
}
