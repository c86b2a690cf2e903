using System.Text;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>A CLABE of the Juno account; deposits into AUTO_PAYMENT CLABEs issue MXNB.</summary>
public sealed record JunoClabe
{
    /// <summary>The 18 digits.</summary>
    public required string Clabe { get; init; }

    /// <summary>CLABE type, <c>AUTO_PAYMENT</c>.</summary>
    public string Type { get; init; } = "AUTO_PAYMENT";

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string Status { get; init; } = "ENABLED";

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change, if any.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    // Records print every property; CLABEs must not reach logs unmasked.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Clabe = ").Append(ClabeMask.Mask(Clabe)).Append(", Type = ").Append(Type).Append(", Status = ").Append(Status);
        return true;
    }
}
