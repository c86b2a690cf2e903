namespace PaymentFunctions.Durable.Worker;

/// <summary>How a worker takes and runs work; bound from <c>host.json</c>'s <c>extensions.durableTask</c> by the host.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Orchestration episodes run at once.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = Environment.ProcessorCount * 8;

    /// <summary>Activities run at once.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = Environment.ProcessorCount * 8;

    /// <summary>How often a lease is renewed while its work runs; keep it well below the store's lock timeout.</summary>
    public TimeSpan LockRenewalInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The shortest wait for new work when the store had none (the wait doubles up to the longest).</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest wait for new work; wake-ups from the store usually end waits sooner.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A work item handed out more often than this (its workers keep crashing) fails instead of looping.</summary>
    public int MaxDequeueCount { get; set; } = 10;

    /// <summary>How long shutdown waits for running work before leaving it to lease expiry.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
