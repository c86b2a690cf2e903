using Npgsql;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>
/// Reads PostgreSQL's own counters around a measurement (pg_stat_database, pg_stat_statements), which is how the
/// benchmark explains a figure: round trips and commits per orchestration, and where the database time goes.
/// </summary>
internal sealed class DatabaseMeter(string connectionString)
{
    /// <summary>The server settings the meter needs; pg_stat_statements ships with PostgreSQL.</summary>
    public static readonly IReadOnlyDictionary<string, string> ServerSettings = new Dictionary<string, string>
    {
        ["shared_preload_libraries"] = "pg_stat_statements",
    };

    private long startTransactions;
    private long startWalSyncs;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await this.ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
        await this.ExecuteAsync("SELECT pg_stat_statements_reset()", cancellationToken);
        this.startTransactions = await this.TransactionsAsync(cancellationToken);
        this.startWalSyncs = await this.WalSyncsAsync(cancellationToken);
    }

    /// <summary>Call after the measured work's connections are closed: backends report their counts when they end.</summary>
    public async Task<DatabaseProfile> StopAsync(int top, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        var transactions = await this.TransactionsAsync(cancellationToken) - this.startTransactions;
        var walSyncs = await this.WalSyncsAsync(cancellationToken) - this.startWalSyncs;

        var statements = new List<DatabaseStatement>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        long calls;
        double milliseconds;
        await using (var totals = new NpgsqlCommand(
            """
            SELECT coalesce(sum(calls), 0)::bigint, coalesce(sum(total_exec_time), 0)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat%'
            """,
            connection))
        {
            await using var totalsReader = await totals.ExecuteReaderAsync(cancellationToken);
            await totalsReader.ReadAsync(cancellationToken);
            calls = totalsReader.GetInt64(0);
            milliseconds = totalsReader.GetDouble(1);
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 100)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%pg_stat%'
            ORDER BY total_exec_time DESC
            LIMIT $1
            """,
            connection);
        command.Parameters.AddWithValue(top);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add(new DatabaseStatement(reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return new DatabaseProfile(transactions, walSyncs, calls, milliseconds, statements);
    }

    private Task<long> TransactionsAsync(CancellationToken cancellationToken)
        => this.ScalarAsync("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", cancellationToken);

    private Task<long> WalSyncsAsync(CancellationToken cancellationToken)
        => this.ScalarAsync("SELECT wal_sync FROM pg_stat_wal", cancellationToken);

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
