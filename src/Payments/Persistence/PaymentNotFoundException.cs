namespace PaymentFunctions.Payments.Persistence;

/// <summary>A write named a payment that does not exist; a bug in the caller, never a retryable condition.</summary>
public sealed class PaymentNotFoundException : KeyNotFoundException
{
    /// <summary>Creates the exception for <paramref name="paymentId"/>.</summary>
    public PaymentNotFoundException(string paymentId)
        : base($"Payment {paymentId} does not exist.") => PaymentId = paymentId;

    /// <summary>Creates the exception.</summary>
    public PaymentNotFoundException()
        : this("(unknown)")
    {
    }

    /// <summary>Creates the exception.</summary>
    public PaymentNotFoundException(string message, Exception innerException)
        : base(message, innerException) => PaymentId = "(unknown)";

    /// <summary>The missing payment.</summary>
    public string PaymentId { get; }
}
