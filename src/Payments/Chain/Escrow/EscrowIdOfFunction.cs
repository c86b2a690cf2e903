using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow <c>escrowIdOf(address payer, bytes32 paymentId) view returns (uint256)</c>: zero when there is none.</summary>
[Function("escrowIdOf", "uint256")]
public sealed class EscrowIdOfFunction : FunctionMessage
{
    /// <summary>The payer.</summary>
    [Parameter("address", "payer", 1)]
    public string Payer { get; set; } = string.Empty;

    /// <summary>keccak256 of the payment id.</summary>
    [Parameter("bytes32", "paymentId", 2)]
    public byte[] PaymentId { get; set; } = [];
}
