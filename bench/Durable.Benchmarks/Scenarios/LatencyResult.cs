namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>Event-to-next-activity latencies, in milliseconds.</summary>
internal sealed record LatencyResult(int Events, double P50, double P99, double Max);
