namespace PaymentFunctions.Ethereum.Abi;

/// <summary>The kinds of Solidity ABI types this library encodes and decodes.</summary>
public enum AbiTypeKind
{
    /// <summary><c>uintN</c>, decoded as <see cref="System.Numerics.BigInteger"/>.</summary>
    UInt,

    /// <summary><c>intN</c>, decoded as <see cref="System.Numerics.BigInteger"/>.</summary>
    Int,

    /// <summary><c>address</c>, decoded as <see cref="Addresses.Address"/>.</summary>
    Address,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>bytesN</c> (1..32), decoded as a byte array of length N.</summary>
    FixedBytes,

    /// <summary>Dynamic <c>bytes</c>, decoded as a byte array.</summary>
    Bytes,

    /// <summary><c>string</c> (UTF-8).</summary>
    String,

    /// <summary><c>T[]</c> or <c>T[k]</c>, decoded as <c>object?[]</c>.</summary>
    Array,

    /// <summary><c>(T1,...,Tn)</c>, decoded as <c>object?[]</c>.</summary>
    Tuple,
}
