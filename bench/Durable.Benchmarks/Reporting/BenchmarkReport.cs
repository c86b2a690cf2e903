using PaymentFunctions.Benchmarks.Durable.Scenarios;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Benchmarks.Durable.Reporting;

/// <summary>Everything one run measured.</summary>
internal sealed record BenchmarkReport(
    BenchmarkSettings Settings,
    string ServerVersion,
    string LoadAverageAtStart,
    PgBenchResult PgBench,
    ThroughputResult HelloSequence,
    ThroughputResult AzureStorageHelloSequence,
    ThroughputResult FanOut,
    LatencyResult Latency,
    MemoryResult Memory);
