using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>cancel(uint256 escrowId)</c>: calls off a funded escrow before its custody ends.</summary>
[Function("cancel")]
public sealed class CancelFunction : EscrowIdFunction;
