namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>A JSON-RPC error returned by the node, with its code, message and data.</summary>
public class JsonRpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcException(string method, long code, string rpcMessage, string? errorData)
        : base($"{method} failed: {rpcMessage} (code {code})")
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = errorData;
        Kind = Classify(code, rpcMessage);
    }

    /// <summary>Creates the exception.</summary>
    public JsonRpcException()
        : this("unknown", 0, "JSON-RPC error", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonRpcException(string message)
        : this("unknown", 0, message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        RpcMessage = message;
        Kind = JsonRpcErrorKind.InvalidResponse;
    }

    /// <summary>The JSON-RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The JSON-RPC error code.</summary>
    public long Code { get; }

    /// <summary>The node's error message.</summary>
    public string RpcMessage { get; }

    /// <summary>The raw JSON of the error's <c>data</c> member, if any.</summary>
    public string? ErrorData { get; }

    /// <summary>The classified meaning of the error.</summary>
    public JsonRpcErrorKind Kind { get; init; }

    private static JsonRpcErrorKind Classify(long code, string message)
    {
        var m = message.ToLowerInvariant();
        return code switch
        {
            3 => JsonRpcErrorKind.ExecutionReverted,
            -32601 => JsonRpcErrorKind.MethodNotFound,
            -32602 => JsonRpcErrorKind.InvalidParams,
            _ when m.Contains("execution reverted", StringComparison.Ordinal) || m.StartsWith("reverted", StringComparison.Ordinal) => JsonRpcErrorKind.ExecutionReverted,
            _ when m.Contains("nonce too low", StringComparison.Ordinal) => JsonRpcErrorKind.NonceTooLow,
            _ when m.Contains("nonce too high", StringComparison.Ordinal) => JsonRpcErrorKind.NonceTooHigh,
            _ when m.Contains("already known", StringComparison.Ordinal) || m.Contains("already imported", StringComparison.Ordinal) || m.Contains("known transaction", StringComparison.Ordinal) => JsonRpcErrorKind.AlreadyKnown,
            _ when m.Contains("replacement", StringComparison.Ordinal) && m.Contains("underpriced", StringComparison.Ordinal) => JsonRpcErrorKind.ReplacementUnderpriced,
            _ when m.Contains("less than block base fee", StringComparison.Ordinal) || m.Contains("underpriced", StringComparison.Ordinal) || m.Contains("fee cap", StringComparison.Ordinal) => JsonRpcErrorKind.FeeTooLow,
            _ when m.Contains("insufficient funds", StringComparison.Ordinal) => JsonRpcErrorKind.InsufficientFunds,
            _ when m.Contains("intrinsic gas too low", StringComparison.Ordinal) => JsonRpcErrorKind.IntrinsicGasTooLow,
            _ => JsonRpcErrorKind.Unknown,
        };
    }
}
