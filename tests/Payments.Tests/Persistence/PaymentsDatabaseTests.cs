using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PaymentFunctions.LocalStack.Postgres;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Tests.Persistence;

public sealed class PaymentsDatabaseTests
{
    [Fact]
    public async Task Migrate_creates_every_table_in_the_payments_schema_on_a_fresh_database()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("payments_migrate");

        await PaymentsDatabase.MigrateAsync(connectionString, CancellationToken.None);

        var tables = await QueryStringsAsync(connectionString, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'payments' ORDER BY table_name");
        Assert.Equal(
            ["__ef_migrations_history", "approvals", "escrows", "ledger_entries", "ledger_transactions", "payments", "timeline_events"],
            tables);
        var applied = await QueryStringsAsync(connectionString, "SELECT \"MigrationId\" FROM payments.__ef_migrations_history");
        Assert.Single(applied);
        Assert.EndsWith("_InitialPayments", applied[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_from_several_processes_at_once_applies_the_migration_once()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("payments_migrate_race");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PaymentsDatabase.MigrateAsync(connectionString, CancellationToken.None))));
        await PaymentsDatabase.MigrateAsync(connectionString, CancellationToken.None);

        var applied = await QueryStringsAsync(connectionString, "SELECT \"MigrationId\" FROM payments.__ef_migrations_history");
        Assert.Single(applied);
    }

    [Fact]
    public async Task Model_has_no_changes_missing_from_the_migrations()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync("payments_model");
        await using var services = new ServiceCollection().AddPaymentsDatabase(connectionString).BuildServiceProvider();
        await using var context = await services.GetRequiredService<IDbContextFactory<PaymentsDbContext>>().CreateDbContextAsync();

        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_InitialPayments", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddPaymentsDatabase_registers_one_store_a_context_factory_and_the_system_clock()
    {
        await using var services = new ServiceCollection().AddPaymentsDatabase("Host=127.0.0.1;Database=unused").BuildServiceProvider();

        Assert.Same(services.GetRequiredService<PaymentStore>(), services.GetRequiredService<PaymentStore>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.NotNull(services.GetRequiredService<IDbContextFactory<PaymentsDbContext>>());
    }

    [Fact]
    public void The_runtime_assembly_does_not_depend_on_design_time_packages()
    {
        var references = typeof(PaymentsDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Microsoft.EntityFrameworkCore.Relational", references);
        Assert.DoesNotContain(references, r => r!.StartsWith("Microsoft.EntityFrameworkCore.Design", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    private static async Task<List<string>> QueryStringsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
