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

    public static async Task<string> CreateAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var connection = new NpgsqlConnection(adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return WithDatabase(adminConnectionString, name);
    }

    public static async Task DropAsync(string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        ValidateName(name);
        var connection = new NpgsqlConnection(adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
