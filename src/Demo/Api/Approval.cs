namespace PaymentFunctions.Demo.Api;

/// <summary>The answer of <c>POST /api/payments/{id}/approve</c>.</summary>
/// <param name="Approvals">Different approvers so far.</param>
/// <param name="Required">Approvers the release needs.</param>
public sealed record Approval(int Approvals, int Required);
