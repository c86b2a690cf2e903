namespace PaymentFunctions.App.Payments.Api;

/// <summary>The optional body of dispute, release, cancel and resume; <c>outcome</c> is read by resolve only.</summary>
/// <param name="Reason">Why, for the timeline.</param>
/// <param name="Outcome">Resolve only: <c>seller</c> (release) or <c>buyer</c> (refund).</param>
public sealed record OperatorActionRequest(string? Reason = null, string? Outcome = null);
