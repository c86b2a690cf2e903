using System.Globalization;
using PaymentFunctions.Banking.Amounts;
using Microsoft.DurableTask;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>
/// Approves the escrow contract and creates the payment's escrow from the bridge wallet, then records it: the escrow
/// row, the ledger movement into escrow and the payment in custody. The transactions' intent ids come from the step,
/// and the gateway finds an escrow already created for the payment, so a retry never locks the funds twice.
/// Returns the on-chain escrow id.
/// </summary>
public sealed class FundEscrow(EscrowGateway chain, PaymentStore store, TimeProvider time) : TaskActivity<EscrowRequest, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, EscrowRequest input)
    {
        var amount = Mxn.Of(input.AmountMxn).ToMxnb().BaseUnits;
        var funding = await chain.FundEscrowAsync(input.StepKey, input.PaymentId, amount, input.CustodyEnd);
        var escrowId = funding.EscrowId.ToString(CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        await store.SaveEscrowAsync(
            new Escrow
            {
                PaymentId = input.PaymentId,
                OnChainId = escrowId,
                ContractAddress = funding.Contract.ToString(),
                PayerAddress = funding.Payer.ToString(),
                PayeeAddress = funding.Payee.ToString(),
                AmountBaseUnits = amount,
                ApproveTransactionHash = funding.ApproveTransactionHash,
                CreateTransactionHash = funding.CreateTransactionHash,
                Status = EscrowStatus.Funded,
                CreatedAt = now,
                UpdatedAt = now,
            },
            CancellationToken.None);
        await store.PostLedgerAsync(input.PaymentId, LedgerMovement.EscrowFunded, input.AmountMxn, "escrow-funded", CancellationToken.None);
        await store.SetStatusAsync(
            input.PaymentId,
            PaymentStatus.InCustody,
            new TimelineEntry("escrow-created", TimelineEventKind.EscrowCreated, new Dictionary<string, string>
            {
                [TimelineData.EscrowId] = escrowId,
                [TimelineData.TransactionHash] = funding.CreateTransactionHash,
                [TimelineData.Until] = input.CustodyEnd.ToString("O", CultureInfo.InvariantCulture),
            }),
            CancellationToken.None);
        return escrowId;
    }
}
