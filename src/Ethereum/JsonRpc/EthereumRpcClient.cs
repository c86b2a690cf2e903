using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// A typed Ethereum JSON-RPC client over <see cref="HttpClient"/>. Quantities are <see cref="BigInteger"/>;
/// node errors become <see cref="JsonRpcException"/> (classified by <see cref="JsonRpcErrorKind"/>), and
/// reverts of <c>eth_call</c>/<c>eth_estimateGas</c> become <see cref="ContractRevertedException"/> with the
/// revert data decoded against the built-in and the configured custom errors.
/// </summary>
public sealed class EthereumRpcClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly IReadOnlyList<AbiError> _knownErrors;
    private long _nextId;

    /// <summary>Creates a client for the node at <paramref name="endpoint"/>.</summary>
    /// <param name="httpClient">The HTTP client (owned by the caller, e.g. from <c>IHttpClientFactory</c>).</param>
    /// <param name="endpoint">The node's JSON-RPC URL.</param>
    /// <param name="knownErrors">Custom errors to decode reverts with (e.g. those of the contracts this service calls).</param>
    public EthereumRpcClient(HttpClient httpClient, Uri endpoint, IEnumerable<AbiError>? knownErrors = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = httpClient;
        _endpoint = endpoint;
        _knownErrors = knownErrors?.ToArray() ?? [];
    }

    /// <summary>The node's URL.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<BigInteger> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await SendAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_blockNumber</c>.</summary>
    public async Task<BigInteger> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await SendAsync("eth_blockNumber", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await SendAsync("eth_getBalance", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getTransactionCount</c>: with <see cref="BlockParameter.Pending"/> this is the next free nonce as the node sees it.</summary>
    public async Task<BigInteger> GetTransactionCountAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await SendAsync("eth_getTransactionCount", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_getCode</c>: empty for accounts without code.</summary>
    public async Task<byte[]> GetCodeAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        RpcJson.Bytes(await SendAsync("eth_getCode", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_feeHistory</c> for the last <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    /// <param name="blockCount">How many blocks.</param>
    /// <param name="newestBlock">The newest block of the range.</param>
    /// <param name="rewardPercentiles">Ascending percentiles (0..100) of tips to report per block.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<FeeHistory> GetFeeHistoryAsync(
        int blockCount,
        BlockParameter newestBlock = default,
        IReadOnlyList<decimal>? rewardPercentiles = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        var percentiles = new JsonArray((rewardPercentiles ?? []).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        var result = await SendAsync("eth_feeHistory", [Hex.EncodeQuantity(blockCount), newestBlock.ToString(), percentiles], cancellationToken).ConfigureAwait(false);
        return RpcJson.FeeHistory(result);
    }

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's suggested tip.</summary>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        RpcJson.Quantity(await SendAsync("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false));

    /// <summary><c>eth_estimateGas</c>.</summary>
    /// <exception cref="ContractRevertedException">The call would revert.</exception>
    public async Task<BigInteger> EstimateGasAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RpcJson.Quantity(await SendAsync("eth_estimateGas", [RpcJson.CallObject(request)], cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>eth_call</c>: executes without a transaction and returns the return data.</summary>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    public async Task<byte[]> CallAsync(CallRequest request, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RpcJson.Bytes(await SendAsync("eth_call", [RpcJson.CallObject(request), block.ToString()], cancellationToken).ConfigureAwait(false));
    }

    /// <summary><c>eth_call</c> of a contract function, decoding its outputs.</summary>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    public async Task<object?[]> CallAsync(Address contract, AbiFunction function, IReadOnlyList<object?> arguments, Address? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        var data = function.EncodeCall([.. arguments]);
        var output = await CallAsync(new CallRequest { From = from, To = contract, Data = data }, default, cancellationToken).ConfigureAwait(false);
        return function.DecodeOutput(output);
    }

    /// <summary><c>eth_call</c> of a typed Nethereum function message returning one value (e.g. <c>uint256</c>).</summary>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    public async Task<TReturn> QueryAsync<TFunction, TReturn>(Address contract, TFunction function, Address? from = null, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(function);
        var output = await CallAsync(new CallRequest { From = from, To = contract, Data = function.GetCallData() }, default, cancellationToken).ConfigureAwait(false);
        return new FunctionCallDecoder().DecodeSimpleTypeOutput<TReturn>(ABITypedRegistry.GetFunctionABI<TFunction>().OutputParameters[0], Hex.Encode(output));
    }

    /// <summary><c>eth_call</c> of a typed Nethereum function message, its outputs decoded into <typeparamref name="TOutput"/>.</summary>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    public async Task<TOutput> QueryDeserializingAsync<TFunction, TOutput>(Address contract, TFunction function, Address? from = null, CancellationToken cancellationToken = default)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new()
    {
        ArgumentNullException.ThrowIfNull(function);
        var output = await CallAsync(new CallRequest { From = from, To = contract, Data = function.GetCallData() }, default, cancellationToken).ConfigureAwait(false);
        return new FunctionCallDecoder().DecodeFunctionOutput<TOutput>(Hex.Encode(output));
    }

    /// <summary><c>eth_sendRawTransaction</c>; returns the transaction hash.</summary>
    /// <exception cref="JsonRpcException">The node refused it (see <see cref="JsonRpcException.Kind"/>).</exception>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> rawTransaction, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction.Span)], cancellationToken).ConfigureAwait(false);
        return result.GetString() ?? throw new JsonRpcException("eth_sendRawTransaction", 0, "no transaction hash in the response", null) { Kind = JsonRpcErrorKind.InvalidResponse };
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionHash);
        var result = await SendAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Receipt(result);
    }

    /// <summary>Polls <c>eth_getTransactionReceipt</c> until the transaction is mined or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var delay = pollInterval ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var receipt = await GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                return receipt;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>eth_getTransactionByHash</c>; null when the node does not know the transaction.</summary>
    public async Task<TransactionInfo?> GetTransactionByHashAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionHash);
        var result = await SendAsync("eth_getTransactionByHash", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Transaction(result);
    }

    /// <summary><c>eth_getLogs</c>.</summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await SendAsync("eth_getLogs", [RpcJson.FilterObject(filter)], cancellationToken).ConfigureAwait(false);
        return result.EnumerateArray().Select(RpcJson.Log).ToArray();
    }

    /// <summary>
    /// Sends any JSON-RPC request (e.g. anvil's <c>evm_mine</c>) and returns the <c>result</c> member.
    /// Parameters may be strings, numbers, booleans or <see cref="JsonNode"/>s.
    /// </summary>
    /// <exception cref="JsonRpcException">The node returned an error.</exception>
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = new JsonArray(parameters.Select(ToNode).ToArray()),
        };

        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, JsonRpcSerializerContext.Default.JsonObject));
        content.Headers.ContentType = JsonMediaType;
        using var response = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            response.EnsureSuccessStatusCode();
            throw new JsonRpcException($"{method}: the node's response is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw ToException(method, error);
            }

            response.EnsureSuccessStatusCode();
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
            {
                throw new JsonRpcException(method, 0, "the response has neither result nor error", null) { Kind = JsonRpcErrorKind.InvalidResponse };
            }

            return result.Clone();
        }
    }

    private JsonRpcException ToException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : 0;
        var message = RpcJson.OptionalString(error, "message") ?? "unknown error";
        string? dataJson = null;
        byte[]? revertData = null;
        if (error.TryGetProperty("data", out var data))
        {
            dataJson = data.GetRawText();
            revertData = ExtractRevertData(data);
        }

        var isRevert = code == 3 || message.Contains("revert", StringComparison.OrdinalIgnoreCase);
        if (isRevert && method is "eth_call" or "eth_estimateGas")
        {
            var bytes = revertData ?? [];
            return new ContractRevertedException(method, code, message, dataJson, bytes, RevertDecoder.Decode(bytes, _knownErrors));
        }

        return new JsonRpcException(method, code, message, dataJson);
    }

    // Nodes put revert data either directly in "data" (geth, anvil) or nested as {"data": "0x…"}.
    private static byte[]? ExtractRevertData(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.String when Hex.TryDecode(data.GetString(), out var bytes) && data.GetString()!.StartsWith("0x", StringComparison.Ordinal) => bytes,
        JsonValueKind.Object when data.TryGetProperty("data", out var inner) => ExtractRevertData(inner),
        _ => null,
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        BigInteger q => JsonValue.Create(Hex.EncodeQuantity(q)),
        Address a => JsonValue.Create(a.ToLowerHex()),
        _ => throw new ArgumentException($"Unsupported JSON-RPC parameter type {value.GetType().Name}.", nameof(value)),
    };
}
