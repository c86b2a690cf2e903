namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>One page of a Juno list (<c>total_items</c>, <c>total_pages</c>, <c>current_page</c>, <c>page_size</c>, <c>response</c>).</summary>
public sealed record JunoPage<T>
{
    /// <summary>Items across all pages.</summary>
    public int TotalItems { get; init; }

    /// <summary>Number of pages.</summary>
    public int TotalPages { get; init; }

    /// <summary>This page, 1-based.</summary>
    public int CurrentPage { get; init; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; init; }

    /// <summary>The entries of this page.</summary>
    public IReadOnlyList<T> Response { get; init; } = [];

    /// <summary>True when a later page exists.</summary>
    public bool HasMore => CurrentPage < TotalPages;
}
