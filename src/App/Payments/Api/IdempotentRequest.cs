using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// Tells a retry from a reused idempotency key by the client's own terms. The deposit CLABE, the seller's Juno
/// account id and the approval count are not the client's: they are derived, and may differ on a retry.
/// </summary>
internal static class IdempotentRequest
{
    /// <param name="earlier">The payment the key created.</param>
    /// <param name="terms">The retried request's terms.</param>
    /// <param name="hasCustody">Whether the retried request asked for custody (a custody end in the future).</param>
    public static bool Matches(Payment earlier, NewPayment terms, bool hasCustody)
    {
        // Without custody the stored end is the creation moment, which a retry cannot repeat.
        var earlierHasCustody = earlier.CustodyEnd > earlier.CreatedAt;
        return earlier.AmountMxn == terms.AmountMxn
            && earlier.BuyerName == terms.BuyerName
            && earlier.BuyerRefundClabe == terms.BuyerRefundClabe
            && earlier.SellerName == terms.SellerName
            && earlier.SellerClabe == terms.SellerClabe
            && Microseconds(earlier.Deadline) == Microseconds(terms.Deadline)
            && earlierHasCustody == hasCustody
            && (!hasCustody || Microseconds(earlier.CustodyEnd) == Microseconds(terms.CustodyEnd));
    }

    // PostgreSQL keeps microseconds, so a stored instant equals the request's only at that precision.
    private static long Microseconds(DateTimeOffset value) => value.UtcTicks / 10;
}
