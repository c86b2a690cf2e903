using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>Table, column and index mapping of <see cref="RulesDbContext"/>, snake_case like the payments schema.</summary>
internal static class RulesModel
{
    public const string RulesTable = "rules";
    public const string ExecutionsTable = "executions";
    public const string ApprovalsTable = "approvals";
    public const string HistoryTable = "history";
    public const string SpendTable = "spend";
    public const string AuditTable = "audit_log";

    public const string Tokens = "numeric(38,6)";

    public static void Configure(ModelBuilder model)
    {
        var rule = model.Entity<StoredRule>();
        rule.ToTable(RulesTable).HasKey(r => r.Id);
        rule.Property(r => r.Id).HasMaxLength(40);
        rule.Property(r => r.Name).HasMaxLength(200);
        rule.Property(r => r.Type).HasMaxLength(32);
        rule.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        rule.Property(r => r.CreatedBy).HasMaxLength(100);

        var execution = model.Entity<StoredExecution>();
        execution.ToTable(ExecutionsTable).HasKey(e => e.Id);
        execution.Property(e => e.Id).HasMaxLength(60);
        execution.Property(e => e.RuleId).HasMaxLength(40);
        execution.Property(e => e.Mode).HasConversion<string>().HasMaxLength(16);
        execution.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        execution.Property(e => e.RequestedBy).HasMaxLength(100);
        execution.Property(e => e.Total).HasColumnType(Tokens);
        execution.HasIndex(e => new { e.RuleId, e.RequestedAt }).HasDatabaseName("ix_executions_rule_id_requested_at");
        execution.HasOne<StoredRule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.Restrict);

        var approval = model.Entity<StoredApproval>();
        approval.ToTable(ApprovalsTable).HasKey(a => new { a.ExecutionId, a.Approver });
        approval.Property(a => a.Approver).HasMaxLength(100);
        approval.HasOne<StoredExecution>().WithMany().HasForeignKey(a => a.ExecutionId).OnDelete(DeleteBehavior.Cascade);

        var history = model.Entity<HistoryEntry>();
        history.ToTable(HistoryTable).HasKey(h => h.Id);
        history.Property(h => h.Id).UseIdentityAlwaysColumn();
        history.Property(h => h.Kind).HasMaxLength(32);
        history.Property(h => h.Limit).HasMaxLength(40);
        history.HasIndex(h => new { h.RuleId, h.Id }).HasDatabaseName("ix_history_rule_id_id");

        var spend = model.Entity<SpendEntry>();
        spend.ToTable(SpendTable).HasKey(s => new { s.ExecutionId, s.TransferIndex });
        spend.Property(s => s.Recipient).HasMaxLength(42);
        spend.Property(s => s.Amount).HasColumnType(Tokens);
        spend.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        spend.HasIndex(s => new { s.Day, s.Recipient }).HasDatabaseName("ix_spend_day_recipient");
        spend.HasIndex(s => new { s.RuleId, s.At }).HasDatabaseName("ix_spend_rule_id_at");

        // The funds check sums what is reserved and unsent under the reservation lock: a few rows of a table that only grows.
        spend.HasIndex(s => s.Amount).HasDatabaseName("ix_spend_reserved_amount").HasFilter("status = 'Reserved'");

        var audit = model.Entity<AuditEntry>();
        audit.ToTable(AuditTable).HasKey(a => a.Sequence);
        audit.Property(a => a.Sequence).ValueGeneratedNever();
        audit.Property(a => a.Kind).HasMaxLength(32);
        audit.Property(a => a.UserId).HasMaxLength(100);
        audit.Property(a => a.PreviousHash).HasMaxLength(64);
        audit.Property(a => a.Hash).HasMaxLength(64);

        SnakeCaseNames.Apply(model);
    }
}
