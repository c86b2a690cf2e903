using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>Creates or upgrades the payments schema; safe when several hosts start at once.</summary>
public static class PaymentsDatabase
{
    /// <summary>
    /// The advisory lock key held while migrating (ASCII "paymigr" as a number), so concurrent starts take turns
    /// instead of racing to create the same tables.
    /// </summary>
    public const long MigrationLockKey = 0x7061796D696772;

    /// <summary>
    /// Applies pending migrations under a PostgreSQL session advisory lock: the first process migrates, the others wait
    /// and then find nothing left to do. Works on a fresh database (the schema and history table are created).
    /// </summary>
    public static async Task MigrateAsync(string connectionString, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new DbContextOptionsBuilder<PaymentsDbContext>();
        PaymentsDbContext.Configure(options, connectionString);
        var context = new PaymentsDbContext(options.Options);
        await using (context.ConfigureAwait(false))
        {
            await MigrateAsync(context, connectionString, ct).ConfigureAwait(false);
        }
    }

    /// <summary>As <see cref="MigrateAsync(string, CancellationToken)"/>, with a context from the registered factory.</summary>
    public static async Task MigrateAsync(IDbContextFactory<PaymentsDbContext> contexts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var connectionString = context.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The payments context has no connection string.");
            await MigrateAsync(context, connectionString, ct).ConfigureAwait(false);
        }
    }

    private static Task MigrateAsync(PaymentsDbContext context, string connectionString, CancellationToken ct) =>
        MigrateUnderLockAsync(context, connectionString, MigrationLockKey, ct);

    /// <summary>Applies <paramref name="context"/>'s pending migrations holding the session advisory lock <paramref name="lockKey"/>.</summary>
    internal static async Task MigrateUnderLockAsync(DbContext context, string connectionString, long lockKey, CancellationToken ct)
    {
        // The lock lives on its own connection, held until migration ends; closing it releases the lock even on failure.
        var lockConnection = new NpgsqlConnection(connectionString);
        await using (lockConnection.ConfigureAwait(false))
        {
            await lockConnection.OpenAsync(ct).ConfigureAwait(false);
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({lockKey})", ct).ConfigureAwait(false);
            try
            {
                await context.Database.MigrateAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
