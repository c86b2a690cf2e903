namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// A payment as the API shows it: the parties' CLABEs masked, the deposit CLABE in full (the buyer pays into it),
/// the escrow, the timeline rendered in the caller's language and where the orchestration is.
/// </summary>
/// <param name="Id">The payment id (<c>pay_…</c>).</param>
/// <param name="Status">The lifecycle status, e.g. <c>AwaitingDeposit</c>.</param>
/// <param name="Amount">MXN.</param>
/// <param name="Buyer">The buyer.</param>
/// <param name="Seller">The seller.</param>
/// <param name="DepositClabe">Where the buyer deposits.</param>
/// <param name="Deadline">When the payment expires without a deposit.</param>
/// <param name="CustodyEnd">When custody ends.</param>
/// <param name="RequiredApprovals">Different approvers needed before release.</param>
/// <param name="Approvals">Approvals so far; null in lists.</param>
/// <param name="Escrow">The on-chain escrow, once created.</param>
/// <param name="Timeline">What happened, oldest first; null in lists.</param>
/// <param name="Orchestration">The payment's orchestration, or null when it has none.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last progress.</param>
public sealed record PaymentView(
    string Id,
    string Status,
    decimal Amount,
    BuyerView Buyer,
    SellerView Seller,
    string DepositClabe,
    DateTimeOffset Deadline,
    DateTimeOffset CustodyEnd,
    int RequiredApprovals,
    IReadOnlyList<ApprovalView>? Approvals,
    EscrowView? Escrow,
    IReadOnlyList<TimelineItemView>? Timeline,
    OrchestrationView? Orchestration,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
