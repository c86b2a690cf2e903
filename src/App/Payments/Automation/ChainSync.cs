using System.Globalization;
using System.Numerics;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// The blockchain-sync timer: reads every active escrow from the contract (<c>getEscrow</c>) and compares status and
/// amount with the database. A mismatch is logged and recorded once per escrow and on-chain status as a
/// <see cref="TimelineEventKind.ChainDrift"/> entry for an operator; the database is not changed behind the
/// orchestration's back.
/// </summary>
public sealed partial class ChainSync(PaymentStore store, EscrowGateway chain, ILogger<ChainSync> logger) : IPaymentProcess
{
    /// <summary>The status recorded when the contract does not know the escrow at all.</summary>
    public const string MissingStatus = "Missing";

    /// <inheritdoc />
    public string Name => PaymentProcesses.Sync;

    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var active = await store.ListActiveEscrowsAsync(cancellationToken);
        var drifted = 0;
        foreach (var payment in active)
        {
            var escrow = payment.Escrow!;
            var onChain = await chain.GetEscrowAsync(BigInteger.Parse(escrow.OnChainId, CultureInfo.InvariantCulture), cancellationToken);
            var onChainStatus = onChain is null ? MissingStatus : onChain.Status.ToString();
            if (onChain is not null && onChainStatus == escrow.Status.ToString() && onChain.Amount == escrow.AmountBaseUnits)
            {
                continue;
            }

            drifted++;
            LogDrift(logger, payment.Id, escrow.OnChainId, escrow.Status, onChainStatus);
            await store.RecordObservationAsync(
                payment.Id,
                new TimelineEntry(
                    $"chain-drift:{escrow.OnChainId}:{onChainStatus}",
                    TimelineEventKind.ChainDrift,
                    new Dictionary<string, string>
                    {
                        [TimelineData.EscrowId] = escrow.OnChainId,
                        [TimelineData.Status] = onChainStatus,
                    }),
                cancellationToken);
        }

        return new ProcessOutcome(
            $"checked {active.Count} escrows, {drifted} drifted",
            new Dictionary<string, int>(StringComparer.Ordinal) { ["checked"] = active.Count, ["drifted"] = drifted });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId}: escrow {EscrowId} is {DatabaseStatus} in the database but {ChainStatus} on chain")]
    private static partial void LogDrift(ILogger logger, string paymentId, string escrowId, EscrowStatus databaseStatus, string chainStatus);
}
