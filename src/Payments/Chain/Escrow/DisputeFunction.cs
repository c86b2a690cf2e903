using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>dispute(uint256 escrowId)</c>: freezes a funded escrow until the dispute is resolved.</summary>
[Function("dispute")]
public sealed class DisputeFunction : EscrowIdFunction;
