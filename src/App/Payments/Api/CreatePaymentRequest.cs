namespace PaymentFunctions.App.Payments.Api;

/// <summary>The body of <c>POST /api/payments</c>. Every member is optional here so that validation, not the JSON reader, names what is missing.</summary>
/// <param name="Amount">MXN as a JSON number: at least 100 (Juno's redemption minimum), at most Payments:MaxAmountMxn (default 1000000), two decimals at most. A string such as "250.00" is refused with 400.</param>
/// <param name="Buyer">Who pays; the refund CLABE must be registered at Juno as a bank account.</param>
/// <param name="Seller">Who is paid; the CLABE must be registered at Juno as a bank account.</param>
/// <param name="Deadline">When the payment expires without a deposit (future).</param>
/// <param name="CustodyEnd">When custody ends; absent or past means no custody.</param>
public sealed record CreatePaymentRequest(decimal? Amount, BuyerRequest? Buyer, SellerRequest? Seller, DateTimeOffset? Deadline, DateTimeOffset? CustodyEnd);
