using PaymentFunctions.Banking.Clabes;

namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>A payment started by a test, with the accounts its money moves between.</summary>
public sealed record TestPayment(string Id, string InstanceId, decimal Amount, Clabe DepositClabe, string SellerAccountId, Clabe BuyerClabe, string? BuyerAccountId);
