using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>resolveDispute(uint256 escrowId, bool toPayee)</c>.</summary>
[Function("resolveDispute")]
public sealed class ResolveDisputeFunction : EscrowIdFunction
{
    /// <summary>True pays the payee; false refunds the payer.</summary>
    [Parameter("bool", "toPayee", 2)]
    public bool ToPayee { get; set; }
}
