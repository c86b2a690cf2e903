using System.Globalization;
using PaymentFunctions.Benchmarks.Durable.Scenarios;
using Spectre.Console;

namespace PaymentFunctions.Benchmarks.Durable.Reporting;

/// <summary>Prints the run as one table, each figure beside the target for it, then what explains the figures.</summary>
internal static class ResultTable
{
    public static void Print(BenchmarkReport report)
    {
        if (Console.IsOutputRedirected)
        {
            // Piped into a file or a README: don't wrap at the default 80 columns.
            AnsiConsole.Profile.Width = 160;
        }

        var s = report.Settings;
        var hello = report.HelloSequence;
        var fanOut = report.FanOut;
        var ratio = hello.StepsPerSecond / report.PgBench.TransactionsPerSecond;
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("Measurement")
            .AddColumn(new TableColumn("Result").RightAligned())
            .AddColumn("Target")
            .AddColumn("Met");

        Row(table, $"pgbench -N, {BenchmarkSettings.PgBenchClients} clients, {s.PgBenchDuration.TotalSeconds:0} s", $"{report.PgBench.TransactionsPerSecond:N0} tps", "baseline", null);
        Row(table, $"HelloSequence5, {hello.Orchestrations:N0} instances", $"{hello.OrchestrationsPerSecond:N0} orch/s", "≥ 300 orch/s", hello.OrchestrationsPerSecond >= 300 && hello.Failed == 0);
        var azure = report.AzureStorageHelloSequence;
        var times = hello.OrchestrationsPerSecond / azure.OrchestrationsPerSecond;
        Row(table, $"HelloSequence5 on azureStorage (Azurite), {azure.Orchestrations:N0} instances", $"{azure.OrchestrationsPerSecond:N1} orch/s", "", azure.Failed == 0 ? null : false);
        Row(table, "postgres ÷ azureStorage, HelloSequence5", $"{times:0.0}×", "≥ 10×", times >= 10);
        Row(table, "HelloSequence5 engine steps (episodes + activities)", $"{hello.StepsPerSecond:N0} steps/s", "", null);
        Row(table, "steps/s ÷ pgbench tps", ratio.ToString("0.00", CultureInfo.InvariantCulture), "≥ 0.80", ratio >= 0.8);
        Row(table, $"Fan-out/fan-in, {fanOut.Activities:N0} activities", $"{fanOut.ActivitiesPerSecond:N0} activities/s", "", fanOut.Failed == 0 ? null : false);
        Row(table, $"RaiseEventAsync → next activity, p50 ({report.Latency.Events:N0} events)", $"{report.Latency.P50:0.0} ms", "", null);
        Row(table, "RaiseEventAsync → next activity, p99", $"{report.Latency.P99:0.0} ms", "< 50 ms", report.Latency.P99 < 50);
        Row(table, $"Worker peak working set, {report.Memory.Instances:N0} waiting on timers", Megabytes(report.Memory.PeakWorkingSetBytes), "≤ 200 MB", report.Memory.PeakWorkingSetBytes <= 200L * 1024 * 1024);

        AnsiConsole.WriteLine();
        Console.Out.WriteLine($"Durable engine on PostgreSQL {report.ServerVersion} (fsync on, synchronous_commit on), {Environment.ProcessorCount} cores, worker concurrency {s.Concurrency}/{s.Concurrency}, machine load average {report.LoadAverageAtStart} at start{(s.Quick ? ", QUICK RUN (not comparable)" : "")}");
        AnsiConsole.Write(table);

        AnsiConsole.WriteLine();
        Note($"pgbench: scale {s.PgBenchScale}, {report.PgBench.Transactions:N0} transactions, average latency {report.PgBench.AverageLatencyMilliseconds:0.00} ms.");
        Note($"HelloSequence5: {hello.Episodes:N0} episodes + {hello.Activities:N0} activities in {hello.Elapsed.TotalSeconds:0.00} s (instances scheduled beforehand; clock from worker start to last completion); CPU: benchmark process (worker + client) {hello.ProcessCores:0.00} cores, PostgreSQL {hello.ServerCores:0.00} cores, of {Environment.ProcessorCount}; per step {hello.ProcessCores * hello.Elapsed.TotalMilliseconds / (hello.Episodes + hello.Activities):0.00} ms and {hello.ServerCores * hello.Elapsed.TotalMilliseconds / (hello.Episodes + hello.Activities):0.00} ms of CPU.");
        if (hello.Database is { } database)
        {
            Note($"HelloSequence5 database: {database.Transactions:N0} transactions = {database.Transactions / (double)hello.Orchestrations:0.0} per orchestration, {database.Transactions / (double)(hello.Episodes + hello.Activities):0.00} per step, {database.Transactions / hello.Elapsed.TotalSeconds:N0}/s; {database.WalSyncs:N0} WAL flushes = {database.WalSyncs / (double)(hello.Episodes + hello.Activities):0.00} per step, {database.WalSyncs / hello.Elapsed.TotalSeconds:N0}/s; {database.Statements / (double)(hello.Episodes + hello.Activities):0.00} statements and {database.StatementMilliseconds / (hello.Episodes + hello.Activities):0.000} ms of database time per step.");
        }

        Note($"Fan-out: {fanOut.Episodes:N0} episodes in {fanOut.Elapsed.TotalSeconds:0.00} s, benchmark process used {fanOut.ProcessCores:0.00} cores.");
        Note($"Latency: max {report.Latency.Max:0.0} ms; one event at a time, round-robin over 50 waiting instances.");
        Note($"Memory: {report.Memory.Instances:N0} instances started and parked in {report.Memory.StartupElapsed.TotalSeconds:0.0} s; working set afterwards {Megabytes(report.Memory.WorkingSetBytes)} (VmRSS; peak is VmHWM).");
        if (hello.Failed > 0 || fanOut.Failed > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Incorrect runs: {hello.Failed} HelloSequence5 instances did not complete; fan-out correct: {fanOut.Failed == 0}.[/]");
        }

        if (hello.Database is { TopStatements.Count: > 0 } profile)
        {
            var statements = new Table().Border(TableBorder.Markdown)
                .AddColumn(new TableColumn("Calls/orch").RightAligned())
                .AddColumn(new TableColumn("Mean ms").RightAligned())
                .AddColumn(new TableColumn("Share").RightAligned())
                .AddColumn("Statement (HelloSequence5, by total time)");
            var total = profile.TopStatements.Sum(t => t.TotalMilliseconds);
            foreach (var statement in profile.TopStatements)
            {
                statements.AddRow(
                    (statement.Calls / (double)hello.Orchestrations).ToString("0.00", CultureInfo.InvariantCulture),
                    (statement.TotalMilliseconds / Math.Max(1, statement.Calls)).ToString("0.000", CultureInfo.InvariantCulture),
                    (statement.TotalMilliseconds / total).ToString("P0", CultureInfo.InvariantCulture),
                    Markup.Escape(statement.Query));
            }

            AnsiConsole.WriteLine();
            AnsiConsole.Write(statements);
        }
    }

    // Plain console output: long lines stay whole when the output goes into a file or a README.
    private static void Note(string text) => Console.Out.WriteLine("- " + text);

    private static void Row(Table table, string name, string value, string target, bool? met)
        => table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(target), met switch { true => "yes", false => "NO", null => "" });

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MB";
}
