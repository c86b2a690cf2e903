namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Settings for <see cref="JunoWebhookReceiver"/>.</summary>
public sealed class JunoWebhookReceiverOptions
{
    /// <summary>
    /// Secret embedded in the registered callback URL (path segment or header). Juno signs nothing, so this is the
    /// only thing that tells our deliveries from anyone else's POSTs. Never logged.
    /// </summary>
    public string SharedSecret { get; set; } = string.Empty;

    /// <summary>Describes the options without the secret.</summary>
    public override string ToString() => "JunoWebhookReceiverOptions { SharedSecret = *** }";
}
