using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// An <c>eth_call</c> or <c>eth_estimateGas</c> that reverted, with the revert data and its decoded reason
/// (<c>Error(string)</c>, <c>Panic(uint256)</c>, or a custom error known to the client).
/// </summary>
public sealed class ContractRevertedException : JsonRpcException
{
    /// <summary>Creates the exception.</summary>
    public ContractRevertedException(string method, long code, string rpcMessage, string? errorData, byte[] revertData, RevertReason reason)
        : base(method, code, rpcMessage, errorData)
    {
        RevertData = revertData;
        Reason = reason;
        Kind = JsonRpcErrorKind.ExecutionReverted;
    }

    /// <summary>Creates the exception.</summary>
    public ContractRevertedException()
        : this("unknown", 3, "execution reverted", null, [], RevertDecoder.Decode([]))
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContractRevertedException(string message)
        : this("unknown", 3, message, null, [], RevertDecoder.Decode([]))
    {
    }

    /// <summary>Creates the exception.</summary>
    public ContractRevertedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = RevertDecoder.Decode([]);
        Kind = JsonRpcErrorKind.ExecutionReverted;
    }

    /// <summary>The raw revert data (empty when the node gave none).</summary>
    public ReadOnlyMemory<byte> RevertData { get; }

    /// <summary>The decoded reason.</summary>
    public RevertReason Reason { get; }

    /// <summary>Decodes <see cref="RevertData"/> again with more custom errors (e.g. the called contract's).</summary>
    public RevertReason DecodeWith(IEnumerable<AbiError> customErrors) => RevertDecoder.Decode(RevertData.Span, customErrors);

    /// <inheritdoc/>
    public override string Message => $"{Method} reverted: {Reason.Message}";
}
