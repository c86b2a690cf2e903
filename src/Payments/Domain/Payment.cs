namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// One escrowed payment from a buyer to a seller: the row the orchestration, the API and the timers share.
/// Created by <c>PaymentStore.CreateAsync</c>; status changes go through the store so each is recorded in the timeline.
/// </summary>
public sealed class Payment
{
    /// <summary>The payment id (<see cref="PaymentId"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>What the buyer pays and the seller receives, in MXN (two decimals).</summary>
    public decimal AmountMxn { get; set; }

    /// <summary>The buyer's name, as shown on statements.</summary>
    public string BuyerName { get; set; } = "";

    /// <summary>Where refunds go (18 digits); without it a refund needs an operator.</summary>
    public string? BuyerRefundClabe { get; set; }

    /// <summary>The seller's name.</summary>
    public string SellerName { get; set; } = "";

    /// <summary>The seller's CLABE (18 digits).</summary>
    public string SellerClabe { get; set; } = "";

    /// <summary>The seller's bank account id registered at Juno, which payouts are sent to.</summary>
    public string SellerBankAccountId { get; set; } = "";

    /// <summary>The Juno AUTO_PAYMENT CLABE the buyer pays into; deposits are matched by it and the amount.</summary>
    public string DepositClabe { get; set; } = "";

    /// <summary>When custody ends and the escrow may be released (UTC).</summary>
    public DateTimeOffset CustodyEnd { get; set; }

    /// <summary>When the payment expires if no deposit arrived (UTC).</summary>
    public DateTimeOffset Deadline { get; set; }

    /// <summary>How many different approvers must approve before an early or large release.</summary>
    public int RequiredApprovals { get; set; }

    /// <summary>Where the payment is in its lifecycle.</summary>
    public PaymentStatus Status { get; set; }

    /// <summary>The Juno ISSUANCE transaction that funded it; unique, so a deposit funds one payment only.</summary>
    public string? DepositTransactionId { get; set; }

    /// <summary>The client's idempotency key for creation; unique.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Hash of the creation request, to tell a retry from a reused key.</summary>
    public string? RequestHash { get; set; }

    /// <summary>When the payment was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When anything about the payment last changed (UTC); stuck detection looks at it.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Concurrency token (PostgreSQL <c>xmin</c>): changes with every update of the row.</summary>
    public uint Version { get; set; }

    /// <summary>The on-chain escrow, once created.</summary>
    public Escrow? Escrow { get; set; }

    /// <summary>Release approvals so far.</summary>
    public List<Approval> Approvals { get; set; } = [];

    /// <summary>What happened, in order.</summary>
    public List<TimelineEvent> Timeline { get; set; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"Payment {Id} {AmountMxn:0.00} MXN {Status} (deposit CLABE {Banking.Clabes.ClabeMask.Mask(DepositClabe)})";
}
