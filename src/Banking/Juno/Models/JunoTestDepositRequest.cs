namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Body of <c>POST /spei/test/deposits</c> (stage only): simulate an incoming SPEI transfer.</summary>
public sealed record JunoTestDepositRequest
{
    /// <summary>MXN amount as a decimal string.</summary>
    public required string Amount { get; init; }

    /// <summary>One of the account's CLABEs.</summary>
    public required string ReceiverClabe { get; init; }

    /// <summary>Beneficiary name.</summary>
    public string ReceiverName { get; init; } = "PaymentFunctions";

    /// <summary>Sender name.</summary>
    public string SenderName { get; init; } = "PaymentFunctions";
}
