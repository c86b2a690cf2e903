namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>What a throughput scenario did and how long it took.</summary>
internal sealed record ThroughputResult(
    int Orchestrations,
    TimeSpan Elapsed,
    long Episodes,
    long Activities,
    int Failed,
    TimeSpan ProcessCpu,
    TimeSpan? ServerCpu = null,
    DatabaseProfile? Database = null)
{
    public double OrchestrationsPerSecond => this.Orchestrations / this.Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => this.Activities / this.Elapsed.TotalSeconds;

    public double StepsPerSecond => (this.Episodes + this.Activities) / this.Elapsed.TotalSeconds;

    /// <summary>CPU used by the benchmark process (worker and client), in cores.</summary>
    public double ProcessCores => this.ProcessCpu / this.Elapsed;

    /// <summary>CPU used by the PostgreSQL server, in cores.</summary>
    public double? ServerCores => this.ServerCpu / this.Elapsed;
}
