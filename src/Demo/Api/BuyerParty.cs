namespace PaymentFunctions.Demo.Api;

/// <summary>The buyer in a creation request.</summary>
/// <param name="Name">Shown in the timeline.</param>
/// <param name="RefundClabe">Where a refund goes (18 digits); optional.</param>
public sealed record BuyerParty(string Name, string? RefundClabe);
