using System.Globalization;
using Spectre.Console;

namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>Prints the batch's figures against the goal, and where the time goes step by step.</summary>
internal static class ResultTable
{
    /// <summary>The goal from the issue: 99 % of payments paid out within 2 s of their deposit being matched.</summary>
    private static readonly TimeSpan P99Goal = TimeSpan.FromSeconds(2);

    public static void Print(LifecycleResult result, TimeSpan? lonePayment, string machine)
    {
        var p99 = Durations.Percentile(result.DepositToPayout, 99);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Payment lifecycle, deposit matched → payout settled[/]")
            .AddColumn("Measurement").AddColumn(new TableColumn("Result").RightAligned()).AddColumn("Goal").AddColumn("Met");
        table.AddRow("Payments (N)", N(result.Count), "", "");
        table.AddRow("Completed", N(result.Completed), "", "");
        if (result.Statuses.Any(s => s.Key != "Completed"))
        {
            table.AddRow("Other final statuses", Markup.Escape(string.Join(", ", result.Statuses.Where(s => s.Key != "Completed").Select(s => $"{s.Key} {s.Value}"))), "", "");
        }

        table.AddRow("Wall time (trigger → last payment at rest)", Seconds(result.Wall), "", "");
        table.AddRow("Completed lifecycles/s", result.LifecyclesPerSecond.ToString("0.00", CultureInfo.InvariantCulture), "", "");
        table.AddRow("p50", Seconds(Durations.Percentile(result.DepositToPayout, 50)), "", "");
        table.AddRow("p95", Seconds(Durations.Percentile(result.DepositToPayout, 95)), "", "");
        table.AddRow("p99", Seconds(p99), "< 2 s", result.DepositToPayout.Count > 0 && p99 < P99Goal ? "[green]yes[/]" : "[red]no[/]");
        table.AddRow("max", Seconds(result.DepositToPayout.Count > 0 ? result.DepositToPayout[^1] : TimeSpan.Zero), "", "");
        table.AddRow("One payment alone (warm-up)", lonePayment is { } alone ? Seconds(alone) : "did not complete", "", "");
        table.AddRow("CPU, cores: app / simulator+vault / machine", string.Create(CultureInfo.InvariantCulture, $"{result.Cpu.App:0.00} / {result.Cpu.Benchmark:0.00} / {result.Cpu.Machine:0.00}"), "", "");
        AnsiConsole.Write(table);

        var steps = new Table().Border(TableBorder.Simple).Title("where the time goes (consecutive timeline entries)")
            .AddColumn("Transition").AddColumn(new TableColumn("p50").RightAligned()).AddColumn(new TableColumn("p99").RightAligned());
        foreach (var gap in result.Gaps)
        {
            steps.AddRow(Markup.Escape(gap.Transition), Seconds(gap.P50), Seconds(gap.P99));
        }

        AnsiConsole.Write(steps);
        AnsiConsole.WriteLine(machine);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
