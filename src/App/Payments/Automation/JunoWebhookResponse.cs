namespace PaymentFunctions.App.Payments.Automation;

/// <summary>What the Juno webhook endpoint did with a delivery.</summary>
/// <param name="Outcome">The receiver's decision (<c>Accepted</c>, <c>Duplicate</c>, <c>NotFinal</c>, …).</param>
/// <param name="Match">For an accepted deposit, what matching did; otherwise null.</param>
/// <param name="PaymentId">The payment the deposit funds, when there is one.</param>
public sealed record JunoWebhookResponse(string Outcome, string? Match, string? PaymentId);
