namespace PaymentFunctions.App.Payments.Api;

/// <summary>The payment's on-chain escrow as the database knows it.</summary>
/// <param name="Id">The contract's escrow id.</param>
/// <param name="Contract">The escrow contract.</param>
/// <param name="Payer">The bridge wallet that funded it.</param>
/// <param name="Payee">Who a release pays.</param>
/// <param name="AmountBaseUnits">MXNB base units (6 decimals), as a string so no JSON reader rounds it.</param>
/// <param name="Status">The contract-side status.</param>
/// <param name="ApproveTx">The ERC-20 approve transaction.</param>
/// <param name="CreateTx">The createEscrow transaction.</param>
/// <param name="ReleaseTx">The release transaction, once released.</param>
/// <param name="RefundTx">The refund or cancel transaction, once refunded.</param>
public sealed record EscrowView(
    string Id,
    string Contract,
    string Payer,
    string Payee,
    string AmountBaseUnits,
    string Status,
    string ApproveTx,
    string CreateTx,
    string? ReleaseTx,
    string? RefundTx);
