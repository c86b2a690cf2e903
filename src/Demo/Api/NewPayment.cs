namespace PaymentFunctions.Demo.Api;

/// <summary>The body of <c>POST /api/payments</c>.</summary>
/// <param name="Amount">MXN, two decimals at most, at least 100 (Juno's redemption minimum).</param>
/// <param name="Buyer">Who pays.</param>
/// <param name="Seller">Who gets paid.</param>
/// <param name="Deadline">When the payment expires without a deposit.</param>
/// <param name="CustodyEnd">When the escrow may be released; null means no custody.</param>
public sealed record NewPayment(decimal Amount, BuyerParty Buyer, SellerParty Seller, DateTimeOffset Deadline, DateTimeOffset? CustodyEnd);
