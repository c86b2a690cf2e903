namespace PaymentFunctions.App.Payments.Api;

/// <summary>The body of <c>POST /api/payments</c>. Every member is optional here so that validation, not the JSON reader, names what is missing.</summary>
/// <param name="Amount">MXN, at least 100 (Juno's redemption minimum), at most two decimals.</param>
/// <param name="Buyer">Who pays.</param>
/// <param name="Seller">Who is paid; the CLABE must be registered at Juno as a bank account.</param>
/// <param name="Deadline">When the payment expires without a deposit (future).</param>
/// <param name="CustodyEnd">When custody ends; absent or past means no custody.</param>
public sealed record CreatePaymentRequest(decimal? Amount, BuyerRequest? Buyer, SellerRequest? Seller, DateTimeOffset? Deadline, DateTimeOffset? CustodyEnd);
