namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>Input of the continue-as-new test: whether to keep unprocessed events, and which generation runs.</summary>
public sealed record ExtraEvents(bool Preserve, int Generation);
