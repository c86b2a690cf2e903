namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// Faults the Juno simulator injects on requests whose path starts with a given prefix. Rates draw from the
/// simulator's seeded random source, so a scenario replays identically; the <c>*Next</c> counts are exact.
/// </summary>
public sealed record JunoFault
{
    /// <summary>Delay added before handling.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share (0..1) of requests answered with <see cref="ErrorStatus"/> before anything is committed.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The next N requests are answered with <see cref="ErrorStatus"/>.</summary>
    public int FailNext { get; init; }

    /// <summary>Status used for injected errors (5xx or 429).</summary>
    public int ErrorStatus { get; init; } = 503;

    /// <summary>Share (0..1) of requests that hang until the client gives up.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>The next N requests hang until the client gives up.</summary>
    public int TimeoutNext { get; init; }

    /// <summary>Share (0..1) of requests that are fully handled (state committed) and then have their connection dropped.</summary>
    public double DropRate { get; init; }

    /// <summary>The next N requests commit and then drop the response.</summary>
    public int DropNext { get; init; }
}
