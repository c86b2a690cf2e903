namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>How to start a private Azurite for tests and local runs.</summary>
public sealed record AzuriteOptions
{
    /// <summary>
    /// Cap on Azurite's in-memory storage, in megabytes. Without a cap Azurite takes up to half of the
    /// machine's memory, which several servers on a shared 2-core box cannot afford.
    /// </summary>
    public int ExtentMemoryLimitMegabytes { get; init; } = 256;

    /// <summary>
    /// The azurite executable; null uses <see cref="AzuriteExecutable.PathVariable"/> or finds
    /// <c>node_modules/.bin/azurite</c> above the app's folder.
    /// </summary>
    public string? ExecutablePath { get; init; }

    /// <summary>How long to wait for blob, queue and table to accept connections (Azurite takes 2–7 s here).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times to start again on new ports when another process took a port first.</summary>
    public int StartAttempts { get; init; } = 3;

    /// <summary>Extra command-line arguments, appended last (e.g. <c>--debug FILE</c>).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
