namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>Time between two consecutive timeline entries across the batch, e.g. <c>EscrowCreated → CustodyStarted</c>.</summary>
/// <param name="Transition">From kind → to kind.</param>
/// <param name="P50">Median gap.</param>
/// <param name="P99">99th percentile gap.</param>
internal sealed record StepGap(string Transition, TimeSpan P50, TimeSpan P99);
