using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Result of handling one webhook delivery.</summary>
/// <param name="Outcome">The decision.</param>
/// <param name="Transaction">The transaction as re-read from the API (never the webhook body), when it was read.</param>
public sealed record JunoWebhookResult(JunoWebhookOutcome Outcome, JunoTransaction? Transaction = null)
{
    /// <summary>True only for the one delivery the caller should act on.</summary>
    public bool ShouldAct => Outcome == JunoWebhookOutcome.Accepted;

    /// <summary>Whether the HTTP endpoint should answer 2xx (so Juno stops re-sending); only a bad secret or body is refused.</summary>
    public bool Acknowledge => Outcome is not (JunoWebhookOutcome.Rejected or JunoWebhookOutcome.Malformed);
}
