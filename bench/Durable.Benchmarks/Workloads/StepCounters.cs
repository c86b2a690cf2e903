namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>
/// Engine steps as the benchmark counts them: orchestrator episodes (each time a worker runs an orchestrator over
/// its history and new events) and activity executions.
/// </summary>
internal sealed class StepCounters
{
    private long episodes;
    private long activities;

    public long Episodes => Interlocked.Read(ref this.episodes);

    public long Activities => Interlocked.Read(ref this.activities);

    public void Episode() => Interlocked.Increment(ref this.episodes);

    public void Activity() => Interlocked.Increment(ref this.activities);

    public void Reset()
    {
        Interlocked.Exchange(ref this.episodes, 0);
        Interlocked.Exchange(ref this.activities, 0);
    }
}
