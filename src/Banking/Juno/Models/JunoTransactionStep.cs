namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>
/// One processing step of a transaction's <c>timeline</c> in Juno's transaction details: what happened, when, and
/// the receipt that proves it where there is one (a chain transaction hash, a SPEI tracking key).
/// </summary>
public sealed record JunoTransactionStep
{
    /// <summary>The step, e.g. <c>REQUESTED</c>, <c>COMPLETE</c>, <c>FAILED</c>.</summary>
    public required string Step { get; init; }

    /// <summary>The transaction's status once the step happened.</summary>
    public JunoTransactionStatus Status { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Date { get; init; }

    /// <summary>The step's receipt (an on-chain hash or a SPEI tracking key), when it has one.</summary>
    public string? Receipt { get; init; }
}
