using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Sends one escrow transaction (release, dispute, resolve, cancel) under the step's intent id and mirrors the
/// contract's new state in the escrow row. Returns the transaction hash.
/// </summary>
public sealed class ActOnEscrow(EscrowGateway chain, PaymentStore store) : TaskActivity<EscrowCommand, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, EscrowCommand input)
    {
        var escrowId = BigInteger.Parse(input.EscrowId, CultureInfo.InvariantCulture);
        var step = input.StepKey;
        var (hash, status) = input.Action switch
        {
            EscrowAction.Release => (await chain.ReleaseAsync(step, escrowId), EscrowStatus.Released),
            EscrowAction.Dispute => (await chain.DisputeAsync(step, escrowId), EscrowStatus.Disputed),
            EscrowAction.ResolveToSeller => (await chain.ResolveDisputeAsync(step, escrowId, toPayee: true), EscrowStatus.Released),
            EscrowAction.ResolveToBuyer => (await chain.ResolveDisputeAsync(step, escrowId, toPayee: false), EscrowStatus.Refunded),
            EscrowAction.Cancel => (await chain.CancelAsync(step, escrowId), EscrowStatus.Cancelled),
            EscrowAction.Refund => (await chain.RefundAsync(step, escrowId), EscrowStatus.Refunded),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Action, "Unknown escrow action."),
        };
        var released = status == EscrowStatus.Released ? hash : null;
        var refunded = status is EscrowStatus.Refunded or EscrowStatus.Cancelled ? hash : null;
        await store.UpdateEscrowAsync(input.PaymentId, status, released, refunded, CancellationToken.None);
        return hash;
    }
}
