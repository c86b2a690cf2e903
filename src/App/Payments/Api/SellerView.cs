namespace PaymentFunctions.App.Payments.Api;

/// <summary>The seller, with the CLABE masked.</summary>
public sealed record SellerView(string Name, string Clabe);
