namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>What one measured batch gave.</summary>
/// <param name="Count">Payments in the batch.</param>
/// <param name="Completed">How many reached Completed.</param>
/// <param name="Statuses">Final status → count (to show anything that did not complete).</param>
/// <param name="Wall">From the deposit-detection trigger to the last payment coming to rest (its last timeline entry).</param>
/// <param name="DepositToPayout">Each completed payment's DepositMatched → PayoutSettled, sorted.</param>
/// <param name="Gaps">Where the time goes, step by step, in timeline order.</param>
/// <param name="Cpu">Cores in use from the trigger until all were at rest.</param>
internal sealed record LifecycleResult(
    int Count,
    int Completed,
    IReadOnlyDictionary<string, int> Statuses,
    TimeSpan Wall,
    IReadOnlyList<TimeSpan> DepositToPayout,
    IReadOnlyList<StepGap> Gaps,
    CpuUse Cpu)
{
    /// <summary>Completed lifecycles (seller paid) per second over the whole batch.</summary>
    public double LifecyclesPerSecond => Wall > TimeSpan.Zero ? Completed / Wall.TotalSeconds : 0;
}
