namespace PaymentFunctions.App.Payments.Api;

/// <summary>One timeline entry: the structured data and one sentence in the caller's language.</summary>
public sealed record TimelineItemView(string Kind, DateTimeOffset OccurredAt, string Text, IReadOnlyDictionary<string, string> Data);
