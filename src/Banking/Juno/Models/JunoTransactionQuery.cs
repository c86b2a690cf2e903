namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Filters and paging for <c>GET /mint_platform/v1/transactions</c>; unset filters are not sent.</summary>
public sealed record JunoTransactionQuery
{
    /// <summary>Only this type.</summary>
    public JunoTransactionType? Type { get; init; }

    /// <summary>Only this status.</summary>
    public JunoTransactionStatus? Status { get; init; }

    /// <summary>Amount at least this.</summary>
    public decimal? AmountFrom { get; init; }

    /// <summary>Amount at most this.</summary>
    public decimal? AmountTo { get; init; }

    /// <summary>Created on or after.</summary>
    public DateTimeOffset? IsoDateFrom { get; init; }

    /// <summary>Created on or before.</summary>
    public DateTimeOffset? IsoDateTo { get; init; }

    /// <summary>Oldest first (<c>sort=createdAt,ASC</c>); Juno lists newest first otherwise.</summary>
    public bool OldestFirst { get; init; }

    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Entries per page (at most 100).</summary>
    public int Size { get; init; } = 25;
}
