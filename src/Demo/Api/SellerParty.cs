namespace PaymentFunctions.Demo.Api;

/// <summary>The seller in a creation request.</summary>
/// <param name="Name">Shown in the timeline.</param>
/// <param name="Clabe">The payout CLABE; must be registered at Juno as a bank account.</param>
public sealed record SellerParty(string Name, string Clabe);
