namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>A Juno transaction as returned by the create endpoints, the transactions API and webhooks.</summary>
public sealed record JunoTransaction
{
    /// <summary>Juno's UUID for the transaction.</summary>
    public required string Id { get; init; }

    /// <summary>Amount in <see cref="Currency"/> (MXN and MXNB are 1:1).</summary>
    public decimal Amount { get; init; }

    /// <summary>Currency or token symbol (<c>MXN</c>, <c>mxnb</c>).</summary>
    public string Currency { get; init; } = "MXN";

    /// <summary>Kind of transaction.</summary>
    public JunoTransactionType TransactionType { get; init; }

    /// <summary>Rail used: <c>SPEI</c>, <c>BLOCKCHAIN</c>, <c>BITSO_TRANSFER</c>.</summary>
    public string? Method { get; init; }

    /// <summary>Current status.</summary>
    public JunoTransactionStatus SummaryStatus { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change; orders webhook deliveries that arrive out of order.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Type-specific data.</summary>
    public JunoTransactionDetails? Details { get; init; }
}
