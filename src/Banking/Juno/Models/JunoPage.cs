using System.Text.Json.Serialization;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>
/// One page of a Juno list. The CLABE and deposit lists use <c>total_items</c>, <c>total_pages</c>,
/// <c>current_page</c>, <c>page_size</c> and <c>response</c>; the transactions list answers with a Spring-style
/// page (<c>content</c>, <c>total_elements</c>, <c>total_pages</c>, <c>size</c> and a 0-based <c>number</c>).
/// Both are read into the same properties so callers page either list the same way (a tolerant reader). The counts
/// are written as strings, as the CLABE list documents them, and read as strings or numbers.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
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

    // The transactions list's field names: read only, never written (null is skipped on write).
    [JsonInclude]
    [JsonPropertyName("content")]
    private IReadOnlyList<T>? Content { get => null; init => Response = value ?? Response; }

    [JsonInclude]
    [JsonPropertyName("total_elements")]
    private int? TotalElements { get => null; init => TotalItems = value ?? TotalItems; }

    [JsonInclude]
    [JsonPropertyName("size")]
    private int? Size { get => null; init => PageSize = value ?? PageSize; }

    // Spring numbers pages from 0.
    [JsonInclude]
    [JsonPropertyName("number")]
    private int? Number { get => null; init => CurrentPage = value is { } number ? number + 1 : CurrentPage; }
}
