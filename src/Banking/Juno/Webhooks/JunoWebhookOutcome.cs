namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>What the receiver decided about one delivery.</summary>
public enum JunoWebhookOutcome
{
    /// <summary>Wrong or missing shared secret; nothing was read.</summary>
    Rejected,

    /// <summary>The body was not a TRANSACTION webhook with an id.</summary>
    Malformed,

    /// <summary>Juno does not know the transaction id (forged or foreign).</summary>
    UnknownTransaction,

    /// <summary>The transaction is not final yet; nothing to act on (a later delivery or the poller will catch it).</summary>
    NotFinal,

    /// <summary>The final state of this transaction was already handed out once.</summary>
    Duplicate,

    /// <summary>First delivery that found the transaction final: act on <see cref="JunoWebhookResult.Transaction"/>.</summary>
    Accepted,
}
