using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>
/// PaymentEscrow <c>createEscrow(bytes32 paymentId, address payee, address token, uint256 amount, uint64 custodyEnd)
/// returns (uint256 escrowId)</c>: pulls <c>amount</c> from the caller (the payer) into a new escrow.
/// </summary>
[Function("createEscrow", "uint256")]
public sealed class CreateEscrowFunction : FunctionMessage
{
    /// <summary>keccak256 of the payment id.</summary>
    [Parameter("bytes32", "paymentId", 1)]
    public byte[] PaymentId { get; set; } = [];

    /// <summary>Who is paid on release.</summary>
    [Parameter("address", "payee", 2)]
    public string Payee { get; set; } = string.Empty;

    /// <summary>The token held.</summary>
    [Parameter("address", "token", 3)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Base units held.</summary>
    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }

    /// <summary>Unix seconds when custody ends.</summary>
    [Parameter("uint64", "custodyEnd", 5)]
    public ulong CustodyEnd { get; set; }
}
