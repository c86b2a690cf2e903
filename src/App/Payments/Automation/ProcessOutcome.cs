namespace PaymentFunctions.App.Payments.Automation;

/// <summary>What one pass of a process found: a short sentence for people and counts for tools.</summary>
/// <param name="Summary">E.g. <c>matched 2 of 5 deposits</c>.</param>
/// <param name="Counts">Named counts, e.g. <c>matched</c>.</param>
public sealed record ProcessOutcome(string Summary, IReadOnlyDictionary<string, int> Counts);
