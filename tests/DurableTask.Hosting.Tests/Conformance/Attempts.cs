using System.Collections.Concurrent;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>Counts calls per key across executions, so an activity can fail its first N attempts.</summary>
public static class Attempts
{
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    public static int Next(string key) => Counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public static int Of(string key) => Counts.TryGetValue(key, out var n) ? n : 0;
}
