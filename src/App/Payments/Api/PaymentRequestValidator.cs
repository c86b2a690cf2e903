using System.Globalization;
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

    /// <summary>The problems of <paramref name="request"/> by field; empty when it may be created.</summary>
    /// <param name="request">The body.</param>
    /// <param name="now">The server's time, for the deadline and custody end.</param>
    /// <param name="maxAmount">The configured per-payment maximum in MXN.</param>
    public static Dictionary<string, string[]> Validate(CreatePaymentRequest request, DateTimeOffset now, decimal maxAmount)
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
        else if (amount > maxAmount)
        {
            Fail("amount", $"The amount must be at most {maxAmount.ToString("0.00", CultureInfo.InvariantCulture)} MXN, the per-payment limit.");
        }
        else if (!Mxn.Of(amount).MeetsRedemptionMinimum)
        {
            Fail("amount", $"The amount must be at least {Mxn.MinimumRedemption} MXN, Juno's redemption minimum.");
        }

        CheckName(request.Buyer?.Name, "buyer.name", Fail);
        CheckName(request.Seller?.Name, "seller.name", Fail);
        if (!Clabe.TryParse(request.Buyer?.RefundClabe, out _, out var refundError))
        {
            // Required: a payment whose refund has nowhere to go could strand the buyer's money on a hold.
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
        else if (!IsPrintable(name))
        {
            fail(field, "The name must not contain control, formatting or unpaired surrogate characters.");
        }
    }

    /// <summary>
    /// Free text shown to people (names, reasons): no control or invisible formatting characters (a bidi override
    /// could make a timeline line read as something else), no unpaired surrogates, nothing unassigned.
    /// </summary>
    internal static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(text[i]) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                return false;
            }
        }

        return true;
    }
}
