using System.Globalization;
using Npgsql;
using PaymentFunctions.Benchmarks.Durable.Hosting;
using PaymentFunctions.Benchmarks.Durable.Reporting;
using PaymentFunctions.Benchmarks.Durable.Scenarios;
using PaymentFunctions.LocalStack.Postgres;
using Spectre.Console;

namespace PaymentFunctions.Benchmarks.Durable;

/// <summary>
/// The engine benchmark: <c>dotnet run -c Release --project bench/Durable.Benchmarks [-- --quick] [--concurrency N]</c>.
/// Starts a private, durable PostgreSQL cluster (fsync and synchronous_commit on), measures the pgbench baseline and
/// the engine's scenarios on it, and prints one table.
/// </summary>
internal static class Program
{
    private const int DefaultConcurrency = 64;

    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == WorkerMode.Switch)
        {
            return await WorkerMode.RunAsync(args);
        }

        var concurrencyAt = Array.IndexOf(args, "--concurrency");
        var concurrency = concurrencyAt >= 0 && concurrencyAt + 1 < args.Length
            ? int.Parse(args[concurrencyAt + 1], CultureInfo.InvariantCulture)
            : DefaultConcurrency;
        var settings = args.Contains("--quick") ? BenchmarkSettings.Smoke(concurrency) : BenchmarkSettings.Full(concurrency);

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Step("starting a private PostgreSQL cluster (durable: fsync on, synchronous_commit on)");
        await using var cluster = await PostgresCluster.StartAsync(new PostgresClusterOptions { Durability = true, SynchronousCommit = "on", Settings = DatabaseMeter.ServerSettings }, cancel.Token);
        var version = await ServerVersionAsync(cluster.ConnectionString, cancel.Token);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        Step($"pgbench -N, {BenchmarkSettings.PgBenchClients} clients, {settings.PgBenchDuration.TotalSeconds:0} s");
        var pgbench = await PgBench.RunAsync(
            await cluster.CreateDatabaseAsync("pgbench", cancel.Token),
            new PgBenchOptions { Clients = BenchmarkSettings.PgBenchClients, Duration = settings.PgBenchDuration, Scale = settings.PgBenchScale },
            cancel.Token);

        Step($"HelloSequence5 × {settings.HelloInstances:N0}");
        var hello = await HelloSequenceScenario.RunAsync(await cluster.CreateDatabaseAsync("hello_sequence", cancel.Token), cluster.DataDirectory, settings, cancel.Token);

        Step($"HelloSequence5 × {settings.AzureStorageHelloInstances:N0} on azureStorage (a private Azurite)");
        var azureHello = await HelloSequenceScenario.RunOnAzureStorageAsync(settings.AzureStorageHelloInstances, settings.Concurrency, cancel.Token);

        Step($"fan-out/fan-in × {settings.FanOutActivities:N0} activities");
        var fanOut = await FanOutScenario.RunAsync(await cluster.CreateDatabaseAsync("fan_out", cancel.Token), settings, cancel.Token);

        Step($"event latency × {settings.LatencyEvents:N0} events");
        var latency = await EventLatencyScenario.RunAsync(await cluster.CreateDatabaseAsync("event_latency", cancel.Token), settings, cancel.Token);

        Step($"worker memory with {settings.WaitingInstances:N0} orchestrations on timers");
        var memory = await WaitingMemoryScenario.RunAsync(await cluster.CreateDatabaseAsync("waiting_timers", cancel.Token), settings, cancel.Token);

        ResultTable.Print(new BenchmarkReport(settings, version, load, pgbench, hello, azureHello, fanOut, latency, memory));
        return 0;
    }

    private static void Step(string what) => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {what}");

    private static async Task<string> ServerVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
