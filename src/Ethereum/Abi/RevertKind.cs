namespace PaymentFunctions.Ethereum.Abi;

/// <summary>What kind of revert data a transaction or call produced.</summary>
public enum RevertKind
{
    /// <summary>No data: <c>revert()</c>, <c>require(cond)</c> without message, or out of gas.</summary>
    Empty,

    /// <summary><c>Error(string)</c> from <c>require(cond, "message")</c> or <c>revert("message")</c>.</summary>
    Error,

    /// <summary><c>Panic(uint256)</c>: assertion failure, arithmetic overflow, division by zero, bad index…</summary>
    Panic,

    /// <summary>A custom error that was among the known errors.</summary>
    Custom,

    /// <summary>Data that matched no known error.</summary>
    Unknown,
}
