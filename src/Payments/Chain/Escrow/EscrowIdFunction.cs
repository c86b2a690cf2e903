using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>The shape shared by the escrow's operator calls that take only the escrow id.</summary>
public abstract class EscrowIdFunction : FunctionMessage
{
    /// <summary>The escrow.</summary>
    [Parameter("uint256", "escrowId", 1)]
    public BigInteger EscrowId { get; set; }
}
