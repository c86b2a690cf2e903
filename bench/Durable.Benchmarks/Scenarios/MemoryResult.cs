namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>The worker process's memory once its instances all wait on timers.</summary>
internal sealed record MemoryResult(int Instances, long PeakWorkingSetBytes, long WorkingSetBytes, TimeSpan StartupElapsed);
