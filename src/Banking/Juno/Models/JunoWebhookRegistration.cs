namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>A registered webhook callback.</summary>
public sealed record JunoWebhookRegistration
{
    /// <summary>Juno's id of the registration.</summary>
    public long Id { get; init; }

    /// <summary>URL Juno POSTs events to.</summary>
    public required string CallbackUrl { get; init; }

    /// <summary>Event name, <c>transaction</c>.</summary>
    public string Event { get; init; } = "transaction";
}
