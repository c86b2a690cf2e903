using PaymentFunctions.Durable.Benchmarks.Scenarios;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Durable.Benchmarks.Reporting;

/// <summary>Everything one run measured.</summary>
internal sealed record BenchmarkReport(
    BenchmarkSettings Settings,
    string ServerVersion,
    string LoadAverageAtStart,
    PgBenchResult PgBench,
    ThroughputResult HelloSequence,
    ThroughputResult FanOut,
    LatencyResult Latency,
    MemoryResult Memory);
