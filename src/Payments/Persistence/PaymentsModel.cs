using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>Table, column and index mapping of <see cref="PaymentsDbContext"/>; snake_case so hand-written SQL reads naturally.</summary>
internal static class PaymentsModel
{
    public const string PaymentsTable = "payments";
    public const string EscrowsTable = "escrows";
    public const string ApprovalsTable = "approvals";
    public const string TimelineTable = "timeline_events";
    public const string LedgerTransactionsTable = "ledger_transactions";
    public const string LedgerEntriesTable = "ledger_entries";

    /// <summary>Unique index names the store recognises in unique violations.</summary>
    public const string DepositTransactionIndex = "ux_payments_deposit_transaction_id";
    public const string IdempotencyKeyIndex = "ux_payments_idempotency_key";

    private const string Money = "numeric(18,2)";

    public static void Configure(ModelBuilder model)
    {
        ConfigurePayment(model.Entity<Payment>());
        ConfigureEscrow(model.Entity<Escrow>());
        ConfigureApproval(model.Entity<Approval>());
        ConfigureTimeline(model.Entity<TimelineEvent>());
        ConfigureLedger(model.Entity<LedgerTransaction>(), model.Entity<LedgerEntry>());
        SnakeCaseNames.Apply(model);
    }

    private static void ConfigurePayment(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable(PaymentsTable);
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Id).HasMaxLength(PaymentId.Length);
        payment.Property(p => p.AmountMxn).HasColumnType(Money);
        payment.Property(p => p.BuyerName).HasMaxLength(200);
        payment.Property(p => p.BuyerRefundClabe).HasMaxLength(18);
        payment.Property(p => p.SellerName).HasMaxLength(200);
        payment.Property(p => p.SellerClabe).HasMaxLength(18);
        payment.Property(p => p.SellerBankAccountId).HasMaxLength(100);
        payment.Property(p => p.DepositClabe).HasMaxLength(18);
        payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        payment.Property(p => p.DepositTransactionId).HasMaxLength(100);
        payment.Property(p => p.IdempotencyKey).HasMaxLength(200);
        payment.Property(p => p.RequestHash).HasMaxLength(64);
        payment.Property(p => p.Version).IsRowVersion();
        payment.HasIndex(p => p.DepositTransactionId).IsUnique().HasDatabaseName(DepositTransactionIndex);
        payment.HasIndex(p => p.IdempotencyKey).IsUnique().HasDatabaseName(IdempotencyKeyIndex);
        payment.HasIndex(p => new { p.DepositClabe, p.Status }).HasDatabaseName("ix_payments_deposit_clabe_status");
        payment.HasIndex(p => new { p.Status, p.UpdatedAt }).HasDatabaseName("ix_payments_status_updated_at");
        payment.HasOne(p => p.Escrow).WithOne().HasForeignKey<Escrow>(e => e.PaymentId).OnDelete(DeleteBehavior.Cascade);
        payment.HasMany(p => p.Approvals).WithOne().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Cascade);
        payment.HasMany(p => p.Timeline).WithOne().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void ConfigureEscrow(EntityTypeBuilder<Escrow> escrow)
    {
        escrow.ToTable(EscrowsTable);
        escrow.HasKey(e => e.PaymentId);
        escrow.Property(e => e.OnChainId).HasMaxLength(78);
        escrow.Property(e => e.ContractAddress).HasMaxLength(42);
        escrow.Property(e => e.PayerAddress).HasMaxLength(42);
        escrow.Property(e => e.PayeeAddress).HasMaxLength(42);

        // decimal holds 28 digits: 10^22 MXNB in base units, far beyond any payment; larger values fail loudly on write.
        escrow.Property(e => e.AmountBaseUnits)
            .HasConversion(v => (decimal)v, v => new BigInteger(v))
            .HasColumnType("numeric(78,0)");
        escrow.Property(e => e.ApproveTransactionHash).HasMaxLength(66);
        escrow.Property(e => e.CreateTransactionHash).HasMaxLength(66);
        escrow.Property(e => e.ReleaseTransactionHash).HasMaxLength(66);
        escrow.Property(e => e.RefundTransactionHash).HasMaxLength(66);
        escrow.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        escrow.HasIndex(e => e.Status).HasDatabaseName("ix_escrows_status");
    }

    private static void ConfigureApproval(EntityTypeBuilder<Approval> approval)
    {
        approval.ToTable(ApprovalsTable);
        approval.HasKey(a => a.Id);
        approval.Property(a => a.Id).UseIdentityAlwaysColumn();
        approval.Property(a => a.Approver).HasMaxLength(200);
        approval.HasIndex(a => new { a.PaymentId, a.Approver }).IsUnique().HasDatabaseName("ux_approvals_payment_id_approver");
    }

    private static void ConfigureTimeline(EntityTypeBuilder<TimelineEvent> timeline)
    {
        timeline.ToTable(TimelineTable);
        timeline.HasKey(t => t.Id);
        timeline.Property(t => t.Id).UseIdentityAlwaysColumn();
        timeline.Property(t => t.Key).HasMaxLength(200);
        timeline.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        timeline.Property(t => t.Data)
            .HasConversion(v => TimelineJson.Serialize(v), v => TimelineJson.Deserialize(v), DataComparer)
            .HasColumnType("jsonb");
        timeline.HasIndex(t => new { t.PaymentId, t.Key }).IsUnique().HasDatabaseName("ux_timeline_events_payment_id_key");
    }

    private static void ConfigureLedger(EntityTypeBuilder<LedgerTransaction> transaction, EntityTypeBuilder<LedgerEntry> entry)
    {
        transaction.ToTable(LedgerTransactionsTable);
        transaction.HasKey(t => t.Id);
        transaction.Property(t => t.Id).UseIdentityAlwaysColumn();
        transaction.Property(t => t.Key).HasMaxLength(200);
        transaction.Property(t => t.Movement).HasConversion<string>().HasMaxLength(32);
        transaction.HasIndex(t => new { t.PaymentId, t.Key }).IsUnique().HasDatabaseName("ux_ledger_transactions_payment_id_key");
        transaction.HasOne<Payment>().WithMany().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Cascade);
        transaction.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransactionId).OnDelete(DeleteBehavior.Cascade);

        entry.ToTable(LedgerEntriesTable);
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.Property(e => e.Account).HasMaxLength(32);
        entry.Property(e => e.Amount).HasColumnType(Money);
        entry.HasIndex(e => e.Account).HasDatabaseName("ix_ledger_entries_account");
    }

    private static readonly ValueComparer<Dictionary<string, string>> DataComparer = new(
        (a, b) => TimelineJson.Serialize(a!) == TimelineJson.Serialize(b!),
        v => TimelineJson.Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => new Dictionary<string, string>(v));
}
