using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>
/// A canonical hash of a <see cref="NewPayment"/>: fields in a fixed order, amount as <c>0.00</c>, instants in UTC,
/// JSON-encoded so no field can bleed into the next. Equal requests hash equal whatever their decimal scale or offset.
/// </summary>
internal static class PaymentRequestHash
{
    public static string Compute(NewPayment request)
    {
        string[] fields =
        [
            request.AmountMxn.ToString("0.00", CultureInfo.InvariantCulture),
            request.BuyerName,
            request.BuyerRefundClabe ?? "",
            request.SellerName,
            request.SellerClabe,
            request.SellerBankAccountId,
            request.DepositClabe,
            Instant(request.CustodyEnd),
            Instant(request.Deadline),
            request.RequiredApprovals.ToString(CultureInfo.InvariantCulture),
        ];
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields)));
        return Convert.ToHexStringLower(bytes);
    }

    // Microseconds: PostgreSQL keeps no finer, so a request re-read from the database hashes the same.
    private static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
