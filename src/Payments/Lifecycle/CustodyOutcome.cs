namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>How a payment's custody ended.</summary>
internal enum CustodyOutcome
{
    Elapsed,
    ReleasedEarly,
    Disputed,
    Cancelled,
}
