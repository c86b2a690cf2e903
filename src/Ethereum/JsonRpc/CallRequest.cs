using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>The transaction-like object of <c>eth_call</c> and <c>eth_estimateGas</c>; unset fields are left to the node.</summary>
public sealed record CallRequest
{
    /// <summary>The sender (matters for access control and balances).</summary>
    public Address? From { get; init; }

    /// <summary>The contract or account called; null to simulate a deployment.</summary>
    public Address? To { get; init; }

    /// <summary>Call data.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Wei sent with the call.</summary>
    public BigInteger? Value { get; init; }

    /// <summary>Gas limit.</summary>
    public BigInteger? Gas { get; init; }

    /// <summary>Legacy gas price.</summary>
    public BigInteger? GasPrice { get; init; }

    /// <summary>EIP-1559 fee cap.</summary>
    public BigInteger? MaxFeePerGas { get; init; }

    /// <summary>EIP-1559 tip.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }
}
