using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>getEscrow(uint256 escrowId) view returns (Escrow)</c>; reverts <c>EscrowNotFound</c> for unknown ids.</summary>
[Function("getEscrow", typeof(GetEscrowOutputDto))]
public sealed class GetEscrowFunction : EscrowIdFunction;
