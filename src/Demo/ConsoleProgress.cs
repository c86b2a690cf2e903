using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>Prints each progress line at once, time-stamped, on the caller's thread (so lines keep their order).</summary>
public sealed class ConsoleProgress : IProgress<string>
{
    /// <inheritdoc />
    public void Report(string value) => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {value}");
}
