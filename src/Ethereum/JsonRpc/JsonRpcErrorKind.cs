namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// What a JSON-RPC error means for a caller deciding whether to retry, re-nonce or give up.
/// Nodes word these differently; the client classifies geth- and anvil-style codes and messages.
/// </summary>
public enum JsonRpcErrorKind
{
    /// <summary>Not classified; see the code and message.</summary>
    Unknown,

    /// <summary>The EVM reverted (code 3 or "execution reverted").</summary>
    ExecutionReverted,

    /// <summary>The nonce was already used: an earlier send (maybe ours) was mined.</summary>
    NonceTooLow,

    /// <summary>The nonce leaves a gap the node will not queue.</summary>
    NonceTooHigh,

    /// <summary>The same transaction is already in the pool: a re-send of identical bytes.</summary>
    AlreadyKnown,

    /// <summary>A replacement for the same nonce did not raise fees enough.</summary>
    ReplacementUnderpriced,

    /// <summary>The fee cap is below the base fee or the pool's minimum.</summary>
    FeeTooLow,

    /// <summary>The sender cannot pay gas * price + value.</summary>
    InsufficientFunds,

    /// <summary>The gas limit is below the intrinsic cost of the transaction.</summary>
    IntrinsicGasTooLow,

    /// <summary>The method does not exist on this node (-32601).</summary>
    MethodNotFound,

    /// <summary>The parameters were rejected (-32602).</summary>
    InvalidParams,

    /// <summary>The response was not valid JSON-RPC.</summary>
    InvalidResponse,
}
