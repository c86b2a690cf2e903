using System.Globalization;
using PaymentFunctions.Demo;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Payments.Benchmarks;
using Spectre.Console;

// The payment lifecycle benchmark, not a test:
//   dotnet run -c Release --project bench/Payments.Benchmarks [-- --count N] [--concurrency N]
// Starts the local stack and the app as a child process, runs one warm-up payment, then N payments without custody
// (created, all deposited, detected by one trigger) and prints deposit-matched → payout-settled percentiles.
BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

var progress = new ConsoleProgress();
var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
var folder = Directory.CreateTempSubdirectory("payments-bench-");
try
{
    await using var run = await LocalRun.StartAsync(new Uri("http://127.0.0.1:0"), "en", folder.FullName, progress, arguments.AppSettings, TaskHubBackend.Postgres, cancel.Token);
    progress.Report("warm-up: one payment through the whole lifecycle");
    var lonePayment = await LifecycleBenchmark.WarmUpAsync(run, progress, cancel.Token);
    progress.Report($"measuring {arguments.Count} payments");
    var result = await LifecycleBenchmark.RunAsync(run, arguments.Count, progress, cancel.Token);
    ResultTable.Print(result, lonePayment, string.Create(
        CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} cores, load average {load} at start; worker concurrency {(arguments.Concurrency is { } c ? $"{c}/{c}" : "from host.json")}; app log in {Path.Combine(folder.FullName, "app.log")}."));
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return 130;
}
