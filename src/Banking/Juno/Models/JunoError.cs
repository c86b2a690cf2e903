namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Error object inside a failed Juno response.</summary>
public sealed record JunoError
{
    /// <summary>Juno's error code.</summary>
    public string? Code { get; init; }

    /// <summary>Description.</summary>
    public string? Message { get; init; }
}
