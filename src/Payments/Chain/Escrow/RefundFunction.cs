using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>refund(uint256 escrowId)</c>: returns a funded or disputed escrow to its payer.</summary>
[Function("refund")]
public sealed class RefundFunction : EscrowIdFunction;
