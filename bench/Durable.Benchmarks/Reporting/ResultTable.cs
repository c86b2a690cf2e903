using System.Globalization;
using PaymentFunctions.Durable.Benchmarks.Scenarios;
using Spectre.Console;

namespace PaymentFunctions.Durable.Benchmarks.Reporting;

/// <summary>Prints the run as one table, each figure beside the issue's target for it.</summary>
internal static class ResultTable
{
    public static void Print(BenchmarkReport report)
    {
        var s = report.Settings;
        var hello = report.HelloSequence;
        var ratio = hello.StepsPerSecond / report.PgBench.TransactionsPerSecond;
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("Measurement")
            .AddColumn(new TableColumn("Result").RightAligned())
            .AddColumn("Target")
            .AddColumn("Met");

        Row(table, $"pgbench -N, {BenchmarkSettings.PgBenchClients} clients, {s.PgBenchDuration.TotalSeconds:0} s (scale {s.PgBenchScale})", $"{report.PgBench.TransactionsPerSecond:N0} tps", "baseline", null);
        Row(table, $"HelloSequence5, {hello.Orchestrations:N0} instances", $"{hello.OrchestrationsPerSecond:N0} orch/s", "≥ 300 orch/s", hello.OrchestrationsPerSecond >= 300 && hello.Failed == 0);
        Row(table, $"  engine steps ({hello.Episodes:N0} episodes + {hello.Activities:N0} activities in {hello.Elapsed.TotalSeconds:0.0} s)", $"{hello.StepsPerSecond:N0} steps/s", "", null);
        Row(table, "  steps/s ÷ pgbench tps", ratio.ToString("0.00", CultureInfo.InvariantCulture), "≥ 0.80", ratio >= 0.8);
        Row(table, $"Fan-out/fan-in, 1 orchestration × {report.FanOut.Activities:N0} activities ({report.FanOut.Episodes:N0} episodes, {report.FanOut.Elapsed.TotalSeconds:0.0} s)", $"{report.FanOut.ActivitiesPerSecond:N0} activities/s", "", report.FanOut.Failed == 0 ? null : false);
        Row(table, $"RaiseEventAsync → next activity starts, p50 ({report.Latency.Events:N0} events)", $"{report.Latency.P50:0.0} ms", "", null);
        Row(table, $"RaiseEventAsync → next activity starts, p99 (max {report.Latency.Max:0.0} ms)", $"{report.Latency.P99:0.0} ms", "< 50 ms", report.Latency.P99 < 50);
        Row(table, $"Worker peak working set, {report.Memory.Instances:N0} orchestrations on timers (now {Megabytes(report.Memory.WorkingSetBytes)})", Megabytes(report.Memory.PeakWorkingSetBytes), "≤ 200 MB", report.Memory.PeakWorkingSetBytes <= 200L * 1024 * 1024);

        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated($"[bold]Durable engine on PostgreSQL {report.ServerVersion}[/] (fsync on, synchronous_commit on), {Environment.ProcessorCount} cores, worker concurrency {s.Concurrency}/{s.Concurrency}{(s.Quick ? ", QUICK RUN (not comparable)" : "")}");
        AnsiConsole.Write(table);
        if (hello.Failed > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{hello.Failed} HelloSequence5 instances did not complete.[/]");
        }

        if (report.FanOut.Failed > 0)
        {
            AnsiConsole.MarkupLine("[red]The fan-out orchestration did not complete with the right output.[/]");
        }
    }

    private static void Row(Table table, string name, string value, string target, bool? met)
        => table.AddRow(Markup.Escape(name), Markup.Escape(value), Markup.Escape(target), met switch { true => "yes", false => "NO", null => "" });

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MB";
}
