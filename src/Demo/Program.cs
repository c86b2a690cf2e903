using System.Runtime.InteropServices;
using PaymentFunctions.Demo;
using Spectre.Console;

// ./run.sh [--port N] [--lang es|en] [--amount MXN] [--backend postgres|azureStorage] [--no-wait]
var arguments = DemoArguments.Parse(args, out var error);
if (arguments is null)
{
    Console.Error.WriteLine(error);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

// Ctrl+C and SIGTERM stop the demo cleanly (app first, then the stack); a second Ctrl+C exits at once.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});

try
{
    return await DemoRun.RunAsync(arguments, stopping.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("[yellow]stopped[/]");
    return 130;
}
catch (Exception ex)
{
    AnsiConsole.MarkupLine("[red]The demo failed:[/]");
    AnsiConsole.WriteLine(ex.ToString());
    return 1;
}
