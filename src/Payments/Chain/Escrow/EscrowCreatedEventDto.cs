using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>
/// PaymentEscrow <c>EscrowCreated(uint256 indexed escrowId, bytes32 indexed paymentId, address indexed payer,
/// address payee, address token, uint256 amount, uint64 custodyEnd)</c>.
/// </summary>
[Event("EscrowCreated")]
public sealed class EscrowCreatedEventDto : IEventDTO
{
    /// <summary>The new escrow's id.</summary>
    [Parameter("uint256", "escrowId", 1, true)]
    public BigInteger EscrowId { get; set; }

    /// <summary>keccak256 of the payment id.</summary>
    [Parameter("bytes32", "paymentId", 2, true)]
    public byte[] PaymentId { get; set; } = [];

    /// <summary>Who funded it.</summary>
    [Parameter("address", "payer", 3, true)]
    public string Payer { get; set; } = string.Empty;

    /// <summary>Who is paid on release.</summary>
    [Parameter("address", "payee", 4, false)]
    public string Payee { get; set; } = string.Empty;

    /// <summary>The token held.</summary>
    [Parameter("address", "token", 5, false)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Base units held.</summary>
    [Parameter("uint256", "amount", 6, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Unix seconds when custody ends.</summary>
    [Parameter("uint64", "custodyEnd", 7, false)]
    public ulong CustodyEnd { get; set; }
}
