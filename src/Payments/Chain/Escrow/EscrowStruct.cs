using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PaymentFunctions.Payments.Chain.Escrow;

/// <summary>PaymentEscrow's <c>Escrow</c> struct, field for field.</summary>
public sealed class EscrowStruct
{
    /// <summary>keccak256 of the payment id.</summary>
    [Parameter("bytes32", "paymentId", 1)]
    public byte[] PaymentId { get; set; } = [];

    /// <summary>Who funded it.</summary>
    [Parameter("address", "payer", 2)]
    public string Payer { get; set; } = string.Empty;

    /// <summary>Who is paid on release.</summary>
    [Parameter("address", "payee", 3)]
    public string Payee { get; set; } = string.Empty;

    /// <summary>The token held.</summary>
    [Parameter("address", "token", 4)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Base units held.</summary>
    [Parameter("uint256", "amount", 5)]
    public BigInteger Amount { get; set; }

    /// <summary>Unix seconds when custody ends.</summary>
    [Parameter("uint64", "custodyEnd", 6)]
    public ulong CustodyEnd { get; set; }

    /// <summary>Unix seconds when it was created.</summary>
    [Parameter("uint64", "createdAt", 7)]
    public ulong CreatedAt { get; set; }

    /// <summary>The contract's status enum.</summary>
    [Parameter("uint8", "status", 8)]
    public byte Status { get; set; }
}
