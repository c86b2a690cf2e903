using System.Text.Json.Serialization;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>
/// A Juno transaction as returned by the create endpoints, the transactions API and webhooks; read from either the
/// documented details shape or the older one (<see cref="JunoTransactionJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(JunoTransactionJsonConverter))]
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

    /// <summary>The processing steps so far, oldest first, each with its receipt where it has one.</summary>
    public IReadOnlyList<JunoTransactionStep> Timeline { get; init; } = [];

    /// <summary>Value equality, the timeline compared step by step (a list alone compares by reference).</summary>
    public bool Equals(JunoTransaction? other) =>
        other is not null
        && Id == other.Id && Amount == other.Amount && Currency == other.Currency && TransactionType == other.TransactionType
        && Method == other.Method && SummaryStatus == other.SummaryStatus && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt
        && Equals(Details, other.Details) && Timeline.SequenceEqual(other.Timeline);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Amount, SummaryStatus, UpdatedAt, Timeline.Count);
}
