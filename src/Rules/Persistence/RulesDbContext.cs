using Microsoft.EntityFrameworkCore;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>
/// The rules schema (<see cref="Schema"/>): rules, executions, approvals, history, the safety ledger and the audit log.
/// Product code goes through <see cref="RuleStore"/>, <see cref="Safety.SafetyLedger"/> and <see cref="Audit.AuditLog"/>.
/// </summary>
public sealed class RulesDbContext(DbContextOptions<RulesDbContext> options) : DbContext(options)
{
    public const string Schema = "rules";

    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public DbSet<StoredRule> Rules => Set<StoredRule>();

    public DbSet<StoredExecution> Executions => Set<StoredExecution>();

    public DbSet<StoredApproval> Approvals => Set<StoredApproval>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    public DbSet<SpendEntry> Spend => Set<SpendEntry>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, Schema));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        RulesModel.Configure(modelBuilder);
    }
}
