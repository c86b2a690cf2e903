using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Runs PostgreSQL's own pgbench against a database: the baseline that tells how much of the
/// server's commit throughput the durable engine turns into work.
/// </summary>
public static partial class PgBench
{
    /// <summary>Initializes (unless told not to) and runs pgbench, returning the parsed figures.</summary>
    /// <param name="connectionString">An Npgsql connection string of the database to use; its tables are replaced.</param>
    /// <param name="options">The run; null uses the baseline defaults.</param>
    /// <param name="cancellationToken">Stops pgbench.</param>
    /// <exception cref="PostgresClusterException">pgbench failed or printed no tps.</exception>
    public static async Task<PgBenchResult> RunAsync(string connectionString, PgBenchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new PgBenchOptions();
        if (options.Scale < 1 || options.Clients < 1 || options.Threads < 1 || options.Duration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException("Scale, Clients and Threads must be positive and Duration at least one second.", nameof(options));
        }

        var pgbench = Path.Combine(PostgresBinaries.Resolve(options.BinDirectory), "pgbench");
        if (!File.Exists(pgbench))
        {
            throw new PostgresClusterException($"pgbench was not found at '{pgbench}'.");
        }

        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        string[] target =
        [
            "-h", connection.Host ?? "127.0.0.1",
            "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
            "-U", connection.Username ?? "postgres",
        ];
        var database = connection.Database ?? "postgres";
        var environment = connection.Password is { Length: > 0 } password
            ? new Dictionary<string, string> { ["PGPASSWORD"] = password }
            : null;

        if (options.Initialize)
        {
            var init = await ProcessRunner.RunAsync(
                pgbench,
                ["-i", "-q", "-s", options.Scale.ToString(CultureInfo.InvariantCulture), .. target, database],
                null,
                TimeSpan.FromMinutes(10),
                environment,
                cancellationToken).ConfigureAwait(false);
            if (!init.Succeeded)
            {
                throw new PostgresClusterException($"pgbench -i failed with exit code {init.ExitCode}:\n{init.CombinedOutput}");
            }
        }

        var seconds = (int)Math.Ceiling(options.Duration.TotalSeconds);
        List<string> arguments =
        [
            "-c", options.Clients.ToString(CultureInfo.InvariantCulture),
            "-j", options.Threads.ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture),
            .. target,
        ];
        if (options.SimpleUpdate)
        {
            arguments.Insert(0, "-N");
        }

        arguments.Add(database);
        var run = await ProcessRunner.RunAsync(
            pgbench, arguments, null, TimeSpan.FromSeconds(seconds + 120), environment, cancellationToken).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            throw new PostgresClusterException($"pgbench failed with exit code {run.ExitCode}:\n{run.CombinedOutput}");
        }

        return Parse(run.StandardOutput, options);
    }

    /// <summary>Reads pgbench's report; knows both the 14+ and the older wording of the tps line.</summary>
    internal static PgBenchResult Parse(string output, PgBenchOptions options)
    {
        var tps = TpsLine().Match(output);
        if (!tps.Success)
        {
            throw new PostgresClusterException($"pgbench printed no tps figure:\n{output}");
        }

        var transactions = TransactionsLine().Match(output);
        var latency = LatencyLine().Match(output);
        return new PgBenchResult(
            double.Parse(tps.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            transactions.Success ? long.Parse(transactions.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0,
            latency.Success ? double.Parse(latency.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
            options,
            output.Trim());
    }

    [GeneratedRegex(@"^tps = ([0-9]+(?:\.[0-9]+)?) \((?:without initial connection time|excluding connections establishing)\)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionsLine();

    [GeneratedRegex(@"^latency average = ([0-9]+(?:\.[0-9]+)?) ms", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LatencyLine();
}
