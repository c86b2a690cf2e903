namespace PaymentFunctions.LocalStack.Juno;

/// <summary>How the simulator delivers webhooks: late, twice, or held back to be released out of order.</summary>
public sealed record JunoWebhookDelivery
{
    /// <summary>Delay before each delivery.</summary>
    public int DelayMs { get; init; }

    /// <summary>Deliver every event twice.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Queue events instead of sending them until <see cref="JunoSimulator.FlushWebhooksAsync"/> is called.</summary>
    public bool Hold { get; init; }
}
