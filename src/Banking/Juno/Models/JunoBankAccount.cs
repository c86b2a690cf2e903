using System.Text;
using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>A bank account registered in Juno as a redemption (payout) destination.</summary>
public sealed record JunoBankAccount
{
    /// <summary>Juno's id, passed as <c>destination_bank_account_id</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Free label.</summary>
    public string? Tag { get; init; }

    /// <summary>Account holder.</summary>
    public string? RecipientLegalName { get; init; }

    /// <summary>The account's CLABE.</summary>
    public required string Clabe { get; init; }

    /// <summary><c>COMPANY_OWNED</c> or <c>THIRD_PARTY</c>.</summary>
    public string? Ownership { get; init; }

    // Records print every property; CLABEs must not reach logs unmasked.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Tag = ").Append(Tag).Append(", Clabe = ").Append(ClabeMask.Mask(Clabe)).Append(", Ownership = ").Append(Ownership);
        return true;
    }
}
