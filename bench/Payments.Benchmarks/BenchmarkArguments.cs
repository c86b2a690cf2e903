using System.Globalization;

namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>The command line: <c>[--count N]</c>.</summary>
/// <param name="Count">Payments in the measured batch.</param>
internal sealed record BenchmarkArguments(int Count)
{
    public const int DefaultCount = 50;

    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--count");
        if (at < 0)
        {
            return new BenchmarkArguments(DefaultCount);
        }

        return at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 1000
            ? new BenchmarkArguments(count)
            : throw new ArgumentException("--count takes a whole number from 1 to 1000 (the API lists at most 1000 payments).");
    }
}
