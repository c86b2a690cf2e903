namespace PaymentFunctions.App.Payments.Api;

/// <summary>One approval of the release.</summary>
public sealed record ApprovalView(string Approver, DateTimeOffset ApprovedAt);
