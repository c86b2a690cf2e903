namespace PaymentFunctions.App.Payments.Api;

/// <summary>The answer to an approval: distinct approvals so far and how many the release needs.</summary>
public sealed record ApprovalResponse(int Approvals, int Required);
