namespace PaymentFunctions.App.Payments.Api;

/// <summary>The seller in a creation request.</summary>
/// <param name="Name">Name as shown on statements.</param>
/// <param name="Clabe">The payout CLABE (18 digits), registered at Juno as a bank account.</param>
public sealed record SellerRequest(string? Name, string? Clabe);
