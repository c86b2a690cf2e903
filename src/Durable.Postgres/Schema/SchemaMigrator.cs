using System.Globalization;
using System.Reflection;
using Npgsql;

namespace PaymentFunctions.Durable.Postgres.Schema;

/// <summary>
/// Applies the embedded <c>Schema/NNNN_name.sql</c> scripts that a database has not seen yet, in version order,
/// each recorded in <c>durable.schema_versions</c>. Everything runs in one transaction under a transaction-level
/// advisory lock, so processes starting together apply each script exactly once and never see half a schema.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>The advisory lock key ("durable" in ASCII); shared by every process using the schema.</summary>
    private const long AdvisoryLockKey = 0x64757261626C65;

    private const string Prologue = """
        SELECT pg_advisory_xact_lock(@key);
        CREATE SCHEMA IF NOT EXISTS durable;
        CREATE TABLE IF NOT EXISTS durable.schema_versions (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>The embedded scripts in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>Brings the database up to the latest version; returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // Usually the schema is current: one read, without queuing behind the advisory lock, settles it.
        if (await IsCurrentAsync(dataSource, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var prologue = new NpgsqlCommand(Prologue, connection, transaction))
        {
            prologue.Parameters.AddWithValue("key", AdvisoryLockKey);
            await prologue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM durable.schema_versions", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var newlyApplied = new List<int>();
        foreach (var (version, name, sql) in Scripts)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            await using (var script = new NpgsqlCommand(sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = new NpgsqlCommand("INSERT INTO durable.schema_versions (version, name) VALUES (@version, @name)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", version);
                record.Parameters.AddWithValue("name", name);
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            newlyApplied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return newlyApplied;
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass('durable.schema_versions') IS NOT NULL");
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return false;
        }

        command.CommandText = "SELECT coalesce(array_agg(version), '{}') FROM durable.schema_versions";
        var applied = (int[])(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return Scripts.All(s => applied.Contains(s.Version));
    }

    private static List<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string Prefix = "PaymentFunctions.Durable.Postgres.Schema.";
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[Prefix.Length..^".sql".Length];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Schema script '{resource}' is not named NNNN_name.sql.");
            }

            scripts.Add((version, name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
