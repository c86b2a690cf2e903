namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Filters and paging for <c>GET /spei/v1/deposits</c>; unset filters are not sent.</summary>
public sealed record JunoDepositQuery
{
    /// <summary>Only deposits into this CLABE.</summary>
    public string? ReceiverClabe { get; init; }

    /// <summary>Only deposits from this CLABE.</summary>
    public string? SenderClabe { get; init; }

    /// <summary>Only this status (<c>COMPLETE</c>, <c>PENDING</c>, <c>FAILED</c>).</summary>
    public string? DepositStatus { get; init; }

    /// <summary>Created on or after this date.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Created on or before this date.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Entries per page (at most 100).</summary>
    public int PageSize { get; init; } = 25;

    // Query values can carry CLABEs; records print every property.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("ReceiverClabe = ").Append(Clabes.ClabeMask.Mask(ReceiverClabe))
            .Append(", SenderClabe = ").Append(Clabes.ClabeMask.Mask(SenderClabe))
            .Append(", DepositStatus = ").Append(DepositStatus)
            .Append(", Page = ").Append(Page);
        return true;
    }
}
