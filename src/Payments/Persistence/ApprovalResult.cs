namespace PaymentFunctions.Payments.Persistence;

/// <summary>The outcome of an approval with the count after it, so the caller can tell when the release may proceed.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Count">Distinct approvals the payment now has.</param>
/// <param name="Required">Approvals the payment needs.</param>
public sealed record ApprovalResult(ApprovalOutcome Outcome, int Count, int Required)
{
    /// <summary>True when the payment has every approval it needs.</summary>
    public bool IsComplete => Count >= Required;
}
