namespace PaymentFunctions.Payments.Domain;

/// <summary>
/// One structured step in a payment's history. Stored as data, not text, so it can be rendered in any language
/// (<c>TimelineRenderer</c>); <see cref="Key"/> is unique per payment so an activity that runs twice records once.
/// </summary>
public sealed class TimelineEvent
{
    /// <summary>Row id; breaks ties between events with the same time.</summary>
    public long Id { get; set; }

    /// <summary>The payment.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Idempotency key, unique per payment (e.g. <c>created</c>, <c>approved:alice</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>What happened.</summary>
    public TimelineEventKind Kind { get; set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Details for rendering; keys in <see cref="TimelineData"/>.</summary>
    public Dictionary<string, string> Data { get; set; } = [];
}
