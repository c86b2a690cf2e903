using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Body of Juno's TRANSACTION webhook: the event name and the transaction as Juno saw it when sending.</summary>
/// <remarks>Juno does not sign webhooks, so nothing here is trusted beyond the transaction id; see <see cref="JunoWebhookReceiver"/>.</remarks>
public sealed record JunoTransactionWebhook
{
    /// <summary>Event name, <c>TRANSACTION</c>.</summary>
    public string Event { get; init; } = "TRANSACTION";

    /// <summary>The transaction at the time of sending (may be stale by the time it arrives).</summary>
    public JunoTransaction? Payload { get; init; }
}
