namespace PaymentFunctions.Demo.Api;

/// <summary>One line of a payment's timeline.</summary>
/// <param name="Kind">What happened, e.g. <c>DepositMatched</c>.</param>
/// <param name="OccurredAt">When it happened (the app's clock).</param>
/// <param name="Text">The sentence in the requested language.</param>
public sealed record TimelineEntry(string Kind, DateTimeOffset OccurredAt, string Text);
