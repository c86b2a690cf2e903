namespace PaymentFunctions.Demo.Api;

/// <summary>What <c>GET /api/payments/{id}</c> returns, as far as the demo and the benchmark read it.</summary>
/// <param name="Id">The payment id.</param>
/// <param name="Status">The lifecycle status, e.g. <c>Completed</c>.</param>
/// <param name="Amount">MXN.</param>
/// <param name="DepositClabe">Where the buyer deposits (in full).</param>
/// <param name="Escrow">The on-chain escrow, once created.</param>
/// <param name="Timeline">What happened, oldest first; null in lists.</param>
/// <param name="Orchestration">The payment's orchestration.</param>
public sealed record PaymentSnapshot(
    string Id,
    string Status,
    decimal Amount,
    string DepositClabe,
    EscrowSnapshot? Escrow,
    IReadOnlyList<TimelineEntry>? Timeline,
    OrchestrationSnapshot? Orchestration)
{
    private static readonly HashSet<string> TerminalStatuses = new(StringComparer.Ordinal) { "Completed", "Expired", "Refunded", "Failed" };

    /// <summary>True when the payment will not move any more (completed, expired, refunded or failed).</summary>
    public bool IsTerminal => TerminalStatuses.Contains(Status);

    /// <summary>True when nothing moves the payment without an operator: terminal, or funds on hold.</summary>
    public bool IsAtRest => IsTerminal || Status == "OnHold";

    /// <summary>When the first timeline entry of <paramref name="kind"/> happened, or null.</summary>
    public DateTimeOffset? FirstAt(string kind) =>
        Timeline?.FirstOrDefault(e => string.Equals(e.Kind, kind, StringComparison.Ordinal))?.OccurredAt;
}
