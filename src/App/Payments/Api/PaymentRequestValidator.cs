using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// Checks a creation request field by field before anything is written or Juno is called, keyed by JSON path
/// (<c>amount</c>, <c>seller.clabe</c>, …) as RFC 7807 validation problems expect.
/// </summary>
internal static class PaymentRequestValidator
{
    /// <summary>A custody end this far in the past still counts as "now" (clocks and request latency).</summary>
    internal static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(1);

    /// <summary>The longest custody after the deadline.</summary>
    internal static readonly TimeSpan MaxCustodyAfterDeadline = TimeSpan.FromDays(365);

    private const int MaxNameLength = 200;

    public static Dictionary<string, string[]> Validate(CreatePaymentRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        if (request.Amount is not { } amount)
        {
            Fail("amount", "The amount is required.");
        }
        else if (amount <= 0m || decimal.Round(amount, 2) != amount)
        {
            Fail("amount", "The amount must be positive with at most two decimals.");
        }
        else if (!Mxn.Of(amount).MeetsRedemptionMinimum)
        {
            Fail("amount", $"The amount must be at least {Mxn.MinimumRedemption} MXN, Juno's redemption minimum.");
        }

        CheckName(request.Buyer?.Name, "buyer.name", Fail);
        CheckName(request.Seller?.Name, "seller.name", Fail);
        if (request.Buyer?.RefundClabe is { Length: > 0 } refund && !Clabe.TryParse(refund, out _, out var refundError))
        {
            Fail("buyer.refundClabe", refundError);
        }

        if (!Clabe.TryParse(request.Seller?.Clabe, out _, out var sellerError))
        {
            Fail("seller.clabe", sellerError);
        }

        if (request.Deadline is not { } deadline)
        {
            Fail("deadline", "The deadline is required.");
        }
        else if (deadline <= now)
        {
            Fail("deadline", "The deadline must be in the future.");
        }

        if (request.CustodyEnd is { } custodyEnd)
        {
            if (custodyEnd < now - PastTolerance)
            {
                Fail("custodyEnd", "The custody end must not be more than a minute in the past.");
            }
            else if (request.Deadline is { } limit && custodyEnd > limit + MaxCustodyAfterDeadline)
            {
                Fail("custodyEnd", "The custody end must be at most one year after the deadline.");
            }
        }

        return errors;
    }

    private static void CheckName(string? name, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            fail(field, "The name is required.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            fail(field, $"The name must be at most {MaxNameLength} characters.");
        }
    }
}
