namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>The sizes of one benchmark run: the full run the targets refer to, or a quick smoke run.</summary>
internal sealed record BenchmarkSettings(
    bool Quick,
    TimeSpan PgBenchDuration,
    int PgBenchScale,
    int HelloInstances,
    int AzureStorageHelloInstances,
    int FanOutActivities,
    int LatencyEvents,
    int WaitingInstances,
    int Concurrency)
{
    /// <summary>Instances scheduled at once by the benchmark's client.</summary>
    public const int ScheduleParallelism = 16;

    /// <summary>pgbench client sessions of the baseline.</summary>
    public const int PgBenchClients = 8;

    public static BenchmarkSettings Full(int concurrency) => new(false, TimeSpan.FromSeconds(20), 10, 2_000, 300, 5_000, 1_000, 10_000, concurrency);

    public static BenchmarkSettings Smoke(int concurrency) => new(true, TimeSpan.FromSeconds(2), 1, 200, 30, 500, 100, 1_000, concurrency);
}
