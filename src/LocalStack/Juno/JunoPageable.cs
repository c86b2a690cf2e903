namespace PaymentFunctions.LocalStack.Juno;

/// <summary>The <c>pageable</c> object of a Spring-style Juno page: which slice was asked for.</summary>
internal sealed record JunoPageable
{
    /// <summary>The page, 0-based.</summary>
    public int PageNumber { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>Entries before this page.</summary>
    public int Offset { get; init; }
}
