using System.Globalization;

namespace PaymentFunctions.Rules.Benchmarks;

/// <summary>p50/p95/max of a set of durations, formatted in seconds.</summary>
internal static class Percentiles
{
    public static string Describe(IReadOnlyCollection<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        TimeSpan At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5).TotalSeconds:0.000} s, p95 {At(0.95).TotalSeconds:0.000} s, max {sorted[^1].TotalSeconds:0.000} s (n = {sorted.Count})");
    }
}
