using System.Globalization;

namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>The command line: <c>[--count N] [--concurrency N]</c>.</summary>
/// <param name="Count">Payments in the measured batch.</param>
/// <param name="Concurrency">The app's orchestrator and activity concurrency; null keeps host.json's.</param>
internal sealed record BenchmarkArguments(int Count, int? Concurrency)
{
    public const int DefaultCount = 50;

    /// <summary>The app settings that carry <see cref="Concurrency"/> (host.json's durableTask section, overridden as in Functions).</summary>
    public IReadOnlyDictionary<string, string> AppSettings => Concurrency is { } concurrency
        ? new Dictionary<string, string>
        {
            ["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentOrchestratorFunctions"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["AzureFunctionsJobHost:extensions:durableTask:maxConcurrentActivityFunctions"] = concurrency.ToString(CultureInfo.InvariantCulture),
        }
        : new Dictionary<string, string>();

    public static BenchmarkArguments Parse(IReadOnlyList<string> args) =>
        new(Read(args, "--count", 1000) ?? DefaultCount, Read(args, "--concurrency", 1024));

    private static int? Read(IReadOnlyList<string> args, string name, int max)
    {
        var at = args.ToList().IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        return at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? value
            : throw new ArgumentException($"{name} takes a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
