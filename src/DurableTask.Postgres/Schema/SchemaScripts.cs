using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace PaymentFunctions.DurableTask.Postgres.Schema;

/// <summary>
/// Applies the embedded <c>Schema/NNNN_name.sql</c> scripts a schema has not seen yet, in version order, each
/// recorded in <c>schema_versions</c>. Everything runs in one transaction under a transaction-level advisory lock
/// keyed by the schema name, so processes starting together apply each script once and never see half a schema.
/// </summary>
internal static class SchemaScripts
{
    /// <summary>The token the scripts use for the schema name.</summary>
    public const string SchemaToken = "__schema__";

    private const string ResourcePrefix = "Schema.";

    /// <summary>The embedded scripts in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    /// <summary>The advisory lock key of a schema: stable across processes and .NET versions.</summary>
    public static long LockKey(string schema) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("durabletask-postgres:" + schema)), 0);

    /// <summary>Brings the schema up to the latest version; returns the versions this call applied.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        if (await IsCurrentAsync(dataSource, schema, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var prologue = new NpgsqlCommand(
                    $"""
                    SELECT pg_advisory_xact_lock(@key);
                    CREATE SCHEMA IF NOT EXISTS {schema};
                    CREATE TABLE IF NOT EXISTS {schema}.schema_versions (
                        version    integer     PRIMARY KEY,
                        name       text        NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now());
                    """,
                    connection,
                    transaction);
                await using (prologue.ConfigureAwait(false))
                {
                    prologue.Parameters.AddWithValue("key", LockKey(schema));
                    await prologue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var applied = await ReadAppliedAsync(connection, transaction, schema, cancellationToken).ConfigureAwait(false);
                var newlyApplied = new List<int>();
                foreach (var (version, name, sql) in All)
                {
                    if (applied.Contains(version))
                    {
                        continue;
                    }

                    var script = new NpgsqlCommand(sql.Replace(SchemaToken, schema, StringComparison.Ordinal), connection, transaction);
                    await using (script.ConfigureAwait(false))
                    {
                        await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    var record = new NpgsqlCommand($"INSERT INTO {schema}.schema_versions (version, name) VALUES (@version, @name)", connection, transaction);
                    await using (record.ConfigureAwait(false))
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
        }
    }

    private static async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        var read = new NpgsqlCommand($"SELECT version FROM {schema}.schema_versions", connection, transaction);
        await using (read.ConfigureAwait(false))
        {
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }
        }

        return applied;
    }

    /// <summary>Usually the schema is current: one read, without queuing behind the advisory lock, settles it.</summary>
    private static async Task<bool> IsCurrentAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var command = dataSource.CreateCommand(
            $"SELECT CASE WHEN to_regclass('{schema}.schema_versions') IS NULL THEN NULL ELSE (SELECT coalesce(array_agg(version), '{{}}') FROM {schema}.schema_versions) END");
        await using (command.ConfigureAwait(false))
        {
            try
            {
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int[] applied
                    && All.All(s => applied.Contains(s.Version));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The table appeared between the check and the read (or was dropped): let the locked path decide.
                return false;
            }
        }
    }

    private static List<(int Version, string Name, string Sql)> Load()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^".sql".Length];
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
