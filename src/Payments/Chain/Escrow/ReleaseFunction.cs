using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>release(uint256 escrowId)</c>: pays a funded escrow to its payee.</summary>
[Function("release")]
public sealed class ReleaseFunction : EscrowIdFunction;
