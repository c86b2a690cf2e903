using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Demo.Api;

namespace PaymentFunctions.Demo;

/// <summary>The made-up buyer and seller of the demo and the benchmark; their CLABEs are valid (check digit) but fictitious.</summary>
public static class DemoParties
{
    /// <summary>The seller's payout account, registered at the Juno simulator before any payment is created.</summary>
    public static Clabe SellerClabe { get; } = Clabe.Create("002", "180", "70001234567");

    /// <summary>The seller's legal name at Juno.</summary>
    public const string SellerName = "Muebles Aurora SA de CV";

    /// <summary>Where a refund would go.</summary>
    public static Clabe BuyerRefundClabe { get; } = Clabe.Create("014", "180", "60005551234");

    /// <summary>The buyer's name.</summary>
    public const string BuyerName = "Lucía Hernández";

    /// <summary>A payment between the demo parties, due within the hour.</summary>
    /// <param name="amount">MXN.</param>
    /// <param name="now">The current time; the deadline is an hour later.</param>
    /// <param name="custody">How long the escrow holds the funds; null for none.</param>
    public static NewPayment Payment(decimal amount, DateTimeOffset now, TimeSpan? custody) => new(
        amount,
        new BuyerParty(BuyerName, BuyerRefundClabe.Value),
        new SellerParty(SellerName, SellerClabe.Value),
        now.AddHours(1),
        custody is { } hold ? now + hold : null);
}
