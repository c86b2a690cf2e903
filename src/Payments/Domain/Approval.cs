namespace PaymentFunctions.Payments.Domain;

/// <summary>One approver's approval of a payment's release; an approver counts once per payment.</summary>
public sealed class Approval
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The approved payment.</summary>
    public string PaymentId { get; set; } = "";

    /// <summary>Who approved (trimmed).</summary>
    public string Approver { get; set; } = "";

    /// <summary>When (UTC).</summary>
    public DateTimeOffset ApprovedAt { get; set; }
}
