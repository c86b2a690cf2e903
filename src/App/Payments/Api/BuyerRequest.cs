namespace PaymentFunctions.App.Payments.Api;

/// <summary>The buyer in a creation request.</summary>
/// <param name="Name">Name as shown on statements.</param>
/// <param name="RefundClabe">Where refunds go (18 digits), required and registered at Juno as a bank account, so a refund can always be paid.</param>
public sealed record BuyerRequest(string? Name, string? RefundClabe);
