using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.LocalStack.Juno;

/// <summary>
/// The payload of <c>GET /mint_platform/v1/transactions</c> as Juno serves it: a Spring-style page whose entries are
/// in <c>content</c>, with <c>total_elements</c>, <c>total_pages</c>, <c>size</c>, a 0-based <c>number</c> and the
/// <c>first</c>/<c>last</c>/<c>empty</c> flags. Clients written against Juno page on these names, not on the
/// <c>total_items</c>/<c>response</c> shape of the CLABE list.
/// </summary>
internal sealed record JunoTransactionListPage
{
    /// <summary>The transactions of this page, newest first.</summary>
    public required IReadOnlyList<JunoTransaction> Content { get; init; }

    /// <summary>The page that was asked for.</summary>
    public required JunoPageable Pageable { get; init; }

    /// <summary>Matching transactions across all pages.</summary>
    public int TotalElements { get; init; }

    /// <summary>Number of pages.</summary>
    public int TotalPages { get; init; }

    /// <summary>Entries per page.</summary>
    public int Size { get; init; }

    /// <summary>This page, 0-based.</summary>
    public int Number { get; init; }

    /// <summary>Entries on this page.</summary>
    public int NumberOfElements { get; init; }

    /// <summary>True on the first page.</summary>
    public bool First { get; init; }

    /// <summary>True on the last page (also when there is none).</summary>
    public bool Last { get; init; }

    /// <summary>True when this page has no entries.</summary>
    public bool Empty { get; init; }

    /// <summary>The served shape of a simulator page (whose <see cref="JunoPage{T}.CurrentPage"/> is 1-based).</summary>
    public static JunoTransactionListPage From(JunoPage<JunoTransaction> page) => new()
    {
        Content = page.Response,
        Pageable = new JunoPageable { PageNumber = page.CurrentPage - 1, PageSize = page.PageSize, Offset = (page.CurrentPage - 1) * page.PageSize },
        TotalElements = page.TotalItems,
        TotalPages = page.TotalPages,
        Size = page.PageSize,
        Number = page.CurrentPage - 1,
        NumberOfElements = page.Response.Count,
        First = page.CurrentPage == 1,
        Last = page.CurrentPage >= page.TotalPages,
        Empty = page.Response.Count == 0,
    };
}
