namespace PaymentFunctions.Payments.Persistence;

/// <summary>What a client asks for when creating a payment; validated at the API edge, checked again by the store.</summary>
/// <param name="AmountMxn">Amount in MXN, positive, at most two decimals.</param>
/// <param name="BuyerName">Buyer's name.</param>
/// <param name="BuyerRefundClabe">Where refunds go (18 digits), if known.</param>
/// <param name="SellerName">Seller's name.</param>
/// <param name="SellerClabe">Seller's CLABE (18 digits).</param>
/// <param name="SellerBankAccountId">The seller's bank account id registered at Juno.</param>
/// <param name="DepositClabe">The Juno AUTO_PAYMENT CLABE the buyer pays into.</param>
/// <param name="CustodyEnd">When custody ends (UTC).</param>
/// <param name="Deadline">When the payment expires without a deposit (UTC).</param>
/// <param name="RequiredApprovals">Distinct approvals needed before release (0 for none).</param>
public sealed record NewPayment(
    decimal AmountMxn,
    string BuyerName,
    string? BuyerRefundClabe,
    string SellerName,
    string SellerClabe,
    string SellerBankAccountId,
    string DepositClabe,
    DateTimeOffset CustodyEnd,
    DateTimeOffset Deadline,
    int RequiredApprovals)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"NewPayment {AmountMxn:0.00} MXN from {BuyerName} to {SellerName} (CLABE {Banking.Clabes.ClabeMask.Mask(SellerClabe)})";
}
