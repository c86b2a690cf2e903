using Microsoft.EntityFrameworkCore;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>
/// The payments schema (<see cref="Schema"/>): payments, escrows, approvals, timeline and the double-entry ledger.
/// Product code goes through <see cref="PaymentStore"/>; the context is public for migrations and diagnostics.
/// </summary>
public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    /// <summary>The PostgreSQL schema holding every table, the migrations history included.</summary>
    public const string Schema = "payments";

    /// <summary>The migrations history table (in <see cref="Schema"/>).</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>Payments.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>On-chain escrows, one per funded payment.</summary>
    public DbSet<Escrow> Escrows => Set<Escrow>();

    /// <summary>Release approvals.</summary>
    public DbSet<Approval> Approvals => Set<Approval>();

    /// <summary>Timeline events.</summary>
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    /// <summary>Ledger transactions (one per posted movement).</summary>
    public DbSet<LedgerTransaction> LedgerTransactions => Set<LedgerTransaction>();

    /// <summary>Ledger entries (two per transaction, summing to zero).</summary>
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    /// <summary>Points <paramref name="builder"/> at PostgreSQL with this schema's migrations history; shared by DI, tools and tests.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable, Schema));
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        PaymentsModel.Configure(modelBuilder);
    }
}
