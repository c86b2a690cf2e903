namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Response of the webhook registration endpoint (<c>message</c>, <c>webhooks</c>).</summary>
public sealed record JunoWebhookRegistrationResult
{
    /// <summary>Human-readable outcome.</summary>
    public string? Message { get; init; }

    /// <summary>The registrations created.</summary>
    public IReadOnlyList<JunoWebhookRegistration> Webhooks { get; init; } = [];
}
