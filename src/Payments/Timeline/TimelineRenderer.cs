using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Timeline;

/// <summary>
/// Turns stored timeline events into one sentence each, in Spanish or English. Events are stored as data so the same
/// history reads naturally for the buyer, the seller and operators in either language.
/// </summary>
public static class TimelineRenderer
{
    /// <summary>Renders <paramref name="timelineEvent"/> in <paramref name="language"/> (<c>en…</c> is English, anything else Spanish).</summary>
    public static string Render(TimelineEvent timelineEvent, string language)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        var english = TimelineLanguage.Normalize(language) == TimelineLanguage.English;
        var v = new TimelineValues(timelineEvent.Data, english);
        return english ? English(timelineEvent.Kind, v) : Spanish(timelineEvent.Kind, v);
    }

    private static string Spanish(TimelineEventKind kind, TimelineValues v) => kind switch
    {
        TimelineEventKind.Created => $"Pago creado por {v.Amount}; el comprador debe depositar en la CLABE {v.Clabe} antes del {v.Until}.",
        TimelineEventKind.DepositMatched => $"Se recibió el depósito de {v.Amount} (transacción {v.TransactionId}).",
        TimelineEventKind.Expired => "El pago expiró: no llegó ningún depósito antes de la fecha límite.",
        TimelineEventKind.WithdrawalRequested => $"Se solicitó el retiro de {v.Amount} en MXNB a la wallet puente.",
        TimelineEventKind.TokensArrived => $"Los MXNB llegaron a la wallet puente (tx {v.Hash}).",
        TimelineEventKind.EscrowCreated => $"Se creó el escrow {v.EscrowId} en la cadena (tx {v.Hash}).",
        TimelineEventKind.CustodyStarted => $"Inició la custodia hasta el {v.Until}.",
        TimelineEventKind.Disputed => $"{v.Actor} abrió una disputa: {v.Reason}.",
        TimelineEventKind.DisputeResolved => v.DisputeOutcome switch
        {
            DisputeOutcome.Buyer => $"{v.Actor} resolvió la disputa: se reembolsará al comprador.",
            DisputeOutcome.Seller => $"{v.Actor} resolvió la disputa: se liberará el pago al vendedor.",
            _ => $"{v.Actor} resolvió la disputa.",
        },
        TimelineEventKind.ReleaseRequested => $"{v.Actor} solicitó la liberación anticipada.",
        TimelineEventKind.AwaitingApproval => $"La liberación espera aprobaciones ({v.Count} de {v.Required}).",
        TimelineEventKind.Approved => $"{v.Actor} aprobó la liberación ({v.Count} de {v.Required}).",
        TimelineEventKind.ApprovalsComplete => $"La liberación tiene todas las aprobaciones necesarias ({v.Required}).",
        TimelineEventKind.Cancelled => $"{v.Actor} canceló el pago: {v.Reason}.",
        TimelineEventKind.EscrowReleased => $"El escrow se liberó en la cadena (tx {v.Hash}).",
        TimelineEventKind.EscrowRefunded => $"El escrow se reembolsó en la cadena (tx {v.Hash}).",
        TimelineEventKind.Redeemed => $"Se redimieron {v.Amount} de MXNB a pesos.",
        TimelineEventKind.PayoutSent => $"Se enviaron {v.Amount} por SPEI a la CLABE {v.Clabe} del vendedor (clave de rastreo {v.TrackingKey}).",
        TimelineEventKind.PayoutSettled => $"El vendedor recibió {v.Amount} por SPEI.",
        TimelineEventKind.PayoutReturned => $"El pago SPEI al vendedor fue devuelto: {v.Reason}.",
        TimelineEventKind.OnHold => $"Los fondos quedaron retenidos para revisión: {v.Reason}.",
        TimelineEventKind.Resumed => $"{v.Actor} reanudó el pago.",
        TimelineEventKind.RefundSent => $"Se enviaron {v.Amount} por SPEI a la CLABE {v.Clabe} del comprador como reembolso.",
        TimelineEventKind.Refunded => $"El comprador recibió el reembolso de {v.Amount}.",
        TimelineEventKind.Completed => $"Pago completado: el vendedor recibió {v.Amount}.",
        TimelineEventKind.Failed => $"El pago falló: {v.Reason}.",
        TimelineEventKind.ChainDrift => $"La cadena no coincide con la base de datos: el escrow está {v.Status} en la cadena.",
        TimelineEventKind.Stuck => $"El pago no avanza desde el {v.Until}.",
        TimelineEventKind.UnmatchedDeposit => $"Llegó a la CLABE del pago un depósito de {v.Amount} (transacción {v.TransactionId}) que no le corresponde; requiere revisión.",
        _ => $"Evento {kind}.",
    };

    private static string English(TimelineEventKind kind, TimelineValues v) => kind switch
    {
        TimelineEventKind.Created => $"Payment created for {v.Amount}; the buyer must deposit to CLABE {v.Clabe} before {v.Until}.",
        TimelineEventKind.DepositMatched => $"Deposit of {v.Amount} received (transaction {v.TransactionId}).",
        TimelineEventKind.Expired => "The payment expired: no deposit arrived before the deadline.",
        TimelineEventKind.WithdrawalRequested => $"Withdrawal of {v.Amount} in MXNB to the bridge wallet requested.",
        TimelineEventKind.TokensArrived => $"The MXNB arrived at the bridge wallet (tx {v.Hash}).",
        TimelineEventKind.EscrowCreated => $"Escrow {v.EscrowId} created on chain (tx {v.Hash}).",
        TimelineEventKind.CustodyStarted => $"Custody started until {v.Until}.",
        TimelineEventKind.Disputed => $"{v.Actor} opened a dispute: {v.Reason}.",
        TimelineEventKind.DisputeResolved => v.DisputeOutcome switch
        {
            DisputeOutcome.Buyer => $"{v.Actor} resolved the dispute: the buyer will be refunded.",
            DisputeOutcome.Seller => $"{v.Actor} resolved the dispute: the payment will be released to the seller.",
            _ => $"{v.Actor} resolved the dispute.",
        },
        TimelineEventKind.ReleaseRequested => $"{v.Actor} requested an early release.",
        TimelineEventKind.AwaitingApproval => $"The release awaits approvals ({v.Count} of {v.Required}).",
        TimelineEventKind.Approved => $"{v.Actor} approved the release ({v.Count} of {v.Required}).",
        TimelineEventKind.ApprovalsComplete => $"The release has every approval it needs ({v.Required}).",
        TimelineEventKind.Cancelled => $"{v.Actor} cancelled the payment: {v.Reason}.",
        TimelineEventKind.EscrowReleased => $"The escrow was released on chain (tx {v.Hash}).",
        TimelineEventKind.EscrowRefunded => $"The escrow was refunded on chain (tx {v.Hash}).",
        TimelineEventKind.Redeemed => $"{v.Amount} of MXNB redeemed to pesos.",
        TimelineEventKind.PayoutSent => $"{v.Amount} sent by SPEI to the seller's CLABE {v.Clabe} (tracking key {v.TrackingKey}).",
        TimelineEventKind.PayoutSettled => $"The seller received {v.Amount} by SPEI.",
        TimelineEventKind.PayoutReturned => $"The SPEI payout to the seller was returned: {v.Reason}.",
        TimelineEventKind.OnHold => $"Funds are on hold for review: {v.Reason}.",
        TimelineEventKind.Resumed => $"{v.Actor} resumed the payment.",
        TimelineEventKind.RefundSent => $"{v.Amount} sent by SPEI to the buyer's CLABE {v.Clabe} as a refund.",
        TimelineEventKind.Refunded => $"The buyer received the refund of {v.Amount}.",
        TimelineEventKind.Completed => $"Payment completed: the seller received {v.Amount}.",
        TimelineEventKind.Failed => $"The payment failed: {v.Reason}.",
        TimelineEventKind.ChainDrift => $"The chain disagrees with the database: the escrow is {v.Status} on chain.",
        TimelineEventKind.Stuck => $"The payment has made no progress since {v.Until}.",
        TimelineEventKind.UnmatchedDeposit => $"A deposit of {v.Amount} (transaction {v.TransactionId}) reached the payment's CLABE but does not fund it; it needs review.",
        _ => $"Event {kind}.",
    };
}
