using System.Globalization;
using System.Text.Json;
using PaymentFunctions.Banking.Clabes;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>Builds <see cref="PaymentView"/>s from stored payments.</summary>
internal static class PaymentViews
{
    /// <summary>The view; <paramref name="language"/> null leaves approvals and the timeline out (lists).</summary>
    public static PaymentView From(Payment payment, string? language, OrchestrationMetadata? orchestration)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return new PaymentView(
            payment.Id,
            payment.Status.ToString(),
            payment.AmountMxn,
            new BuyerView(payment.BuyerName, ClabeMask.Mask(payment.BuyerRefundClabe)),
            new SellerView(payment.SellerName, ClabeMask.Mask(payment.SellerClabe)!),
            payment.DepositClabe,
            payment.Deadline,
            payment.CustodyEnd,
            payment.RequiredApprovals,
            language is null ? null : [.. payment.Approvals.Select(a => new ApprovalView(a.Approver, a.ApprovedAt))],
            payment.Escrow is { } escrow ? From(escrow) : null,
            language is null ? null : [.. payment.Timeline.Select(e => From(e, language, payment.DepositClabe))],
            orchestration is null ? null : From(orchestration),
            payment.CreatedAt,
            payment.UpdatedAt);
    }

    private static EscrowView From(Escrow escrow) => new(
        escrow.OnChainId,
        escrow.ContractAddress,
        escrow.PayerAddress,
        escrow.PayeeAddress,
        escrow.AmountBaseUnits.ToString(CultureInfo.InvariantCulture),
        escrow.Status.ToString(),
        escrow.ApproveTransactionHash,
        escrow.CreateTransactionHash,
        escrow.ReleaseTransactionHash,
        escrow.RefundTransactionHash);

    private static TimelineItemView From(TimelineEvent timelineEvent, string language, string depositClabe)
    {
        // The parties' CLABEs stay masked here as everywhere in the view; the deposit CLABE is public to the buyer anyway.
        var data = timelineEvent.Data.ToDictionary(
            p => p.Key,
            p => p.Key == TimelineData.Clabe && p.Value != depositClabe ? ClabeMask.Mask(p.Value)! : p.Value,
            StringComparer.Ordinal);
        return new TimelineItemView(timelineEvent.Kind.ToString(), timelineEvent.OccurredAt, TimelineRenderer.Render(timelineEvent, language), data);
    }

    private static OrchestrationView From(OrchestrationMetadata metadata)
    {
        JsonElement? customStatus = null;
        if (!string.IsNullOrEmpty(metadata.SerializedCustomStatus))
        {
            try
            {
                using var document = JsonDocument.Parse(metadata.SerializedCustomStatus);
                customStatus = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                customStatus = JsonSerializer.SerializeToElement(metadata.SerializedCustomStatus);
            }
        }

        return new OrchestrationView(metadata.InstanceId, metadata.RuntimeStatus.ToString(), customStatus);
    }
}
