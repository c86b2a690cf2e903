namespace PaymentFunctions.App.Payments.Api;

/// <summary>The buyer, with the refund CLABE masked.</summary>
public sealed record BuyerView(string Name, string? RefundClabe);
