namespace PaymentFunctions.Durable;

/// <summary>One page of results and the token for the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Values, string? ContinuationToken)
    where T : notnull;
