namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>Average cores in use during the batch.</summary>
/// <param name="App">The app process.</param>
/// <param name="Benchmark">This process: the Juno simulator, the Key Vault emulator and the polling client.</param>
/// <param name="Machine">Everything on the machine; what is left after the two is PostgreSQL, anvil and anything else running.</param>
internal sealed record CpuUse(double App, double Benchmark, double Machine);
