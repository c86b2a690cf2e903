using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>Creating and dropping databases on a server, given a connection string with the right to do so.</summary>
internal static partial class PostgresDatabases
{
    private const int MaxNameLength = 63;

    /// <summary>A lower-case identifier: it never needs quoting rules beyond double quotes.</summary>
    public static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid database name here: use 1-{MaxNameLength} lower-case letters, digits and underscores, not starting with a digit.",
                nameof(name));
        }
    }

    /// <summary>A fresh name, readable in server logs: the hint cleaned up, then a random suffix.</summary>
    public static string UniqueName(string? hint)
    {
        var builder = new StringBuilder();
        foreach (var c in (hint ?? "test").ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        var prefix = builder.ToString().Trim('_');
        if (prefix.Length == 0 || char.IsAsciiDigit(prefix[0]))
        {
            prefix = "db_" + prefix;
        }

        if (prefix.Length > 40)
        {
            prefix = prefix[..40];
        }

        return $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(MaxNameLength, prefix.Length + 13)];
    }

    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>Creates the database, labelled with <paramref name="comment"/> when given.</summary>
    public static async Task<string> CreateAsync(string adminConnectionString, string name, string? comment, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var connection = new NpgsqlConnection(adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\"", cancellationToken).ConfigureAwait(false);
            if (comment is not null)
            {
                // COMMENT takes no parameters; the literal is quoted by doubling single quotes.
                var literal = comment.Replace("'", "''", StringComparison.Ordinal);
                await ExecuteAsync(connection, $"COMMENT ON DATABASE \"{name}\" IS '{literal}'", cancellationToken).ConfigureAwait(false);
            }
        }

        return WithDatabase(adminConnectionString, name);
    }

    /// <summary>The databases whose comment starts with <paramref name="prefix"/>, with their comments.</summary>
    public static async Task<IReadOnlyList<(string Name, string Comment)>> ListLabelledAsync(
        string adminConnectionString, string prefix, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        var connection = new NpgsqlConnection(adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database WHERE starts_with(coalesce(shobj_description(oid, 'pg_database'), ''), @prefix)",
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("prefix", prefix);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found.Add((reader.GetString(0), reader.GetString(1)));
                    }
                }
            }
        }

        return found;
    }

    public static async Task DropAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var connection = new NpgsqlConnection(adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
