namespace PaymentFunctions.Demo.Api;

/// <summary>What a manually triggered timer process reported.</summary>
/// <param name="Process">The process, e.g. <c>deposits</c>.</param>
/// <param name="Succeeded">False when the run threw; <paramref name="Summary"/> says why.</param>
/// <param name="Summary">A short outcome, e.g. <c>matched 1</c>.</param>
/// <param name="Counts">The outcome's counts, e.g. <c>matched</c>.</param>
public sealed record AutomationResult(string Process, bool Succeeded, string Summary, IReadOnlyDictionary<string, int>? Counts);
