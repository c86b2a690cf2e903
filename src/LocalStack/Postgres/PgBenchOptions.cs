namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// A pgbench run: by default the baseline the engine benchmark compares against
/// (<c>-i -s 10</c>, then <c>-N -c 8 -j 2 -T 20</c>).
/// </summary>
public sealed record PgBenchOptions
{
    /// <summary>Scale factor for initialization (100,000 accounts per unit).</summary>
    public int Scale { get; init; } = 10;

    /// <summary>Concurrent client sessions (<c>-c</c>).</summary>
    public int Clients { get; init; } = 8;

    /// <summary>pgbench worker threads (<c>-j</c>).</summary>
    public int Threads { get; init; } = 2;

    /// <summary>How long the measured run lasts (<c>-T</c>, whole seconds, at least one).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Initializes the pgbench tables first (<c>-i</c>); turn off to reuse an initialized database.</summary>
    public bool Initialize { get; init; } = true;

    /// <summary>
    /// The simple-update script (<c>-N</c>): skips the contended branch and teller updates, so it
    /// measures commit throughput rather than lock waits. False runs the full TPC-B-like script.
    /// </summary>
    public bool SimpleUpdate { get; init; } = true;

    /// <summary>Folder holding pgbench; null finds the same installation the clusters use.</summary>
    public string? BinDirectory { get; init; }
}
