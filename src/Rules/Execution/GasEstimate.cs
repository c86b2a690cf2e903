namespace PaymentFunctions.Rules.Execution;

/// <summary>A simulation's estimate from the chain: gas per transfer, the gas price now, and the total cost in wei.</summary>
public sealed record GasEstimate(IReadOnlyList<long> GasPerTransfer, string GasPriceWei, string TotalCostWei);
