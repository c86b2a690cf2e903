namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>Percentiles over measured durations (nearest rank, so every figure is one that was measured).</summary>
internal static class Durations
{
    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(percent / 100d * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
