using System.Numerics;

namespace PaymentFunctions.Ethereum.TransactionManagement;

/// <summary>An EIP-1559 fee pair.</summary>
internal readonly record struct FeeEstimate(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);
