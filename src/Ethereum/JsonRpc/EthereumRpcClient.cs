using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using NethereumReceipt = Nethereum.RPC.Eth.DTOs.TransactionReceipt;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// The node as the transaction manager and the gateways need it, over Nethereum's JSON-RPC client (which owns the
/// protocol and the parsing): quantities are <see cref="BigInteger"/> and addresses <see cref="Address"/>; node errors
/// become <see cref="JsonRpcException"/> classified by <see cref="JsonRpcErrorKind"/> (nonce too low, underpriced, …,
/// which decide between waiting and failing), and reverts of <c>eth_call</c>/<c>eth_estimateGas</c> become
/// <see cref="ContractRevertedException"/> with the revert data decoded against the built-in and the configured custom errors.
/// </summary>
public sealed class EthereumRpcClient
{
    private readonly RpcClient _client;
    private readonly Uri _endpoint;
    private readonly IReadOnlyList<AbiError> _knownErrors;
    private long _nextId;

    /// <summary>Creates a client for the node at <paramref name="endpoint"/>.</summary>
    /// <param name="httpClient">The HTTP client (owned by the caller, e.g. from <c>IHttpClientFactory</c>); it is used, never modified.</param>
    /// <param name="endpoint">The node's JSON-RPC URL.</param>
    /// <param name="knownErrors">Custom errors to decode reverts with (e.g. those of the contracts this service calls).</param>
    public EthereumRpcClient(HttpClient httpClient, Uri endpoint, IEnumerable<AbiError>? knownErrors = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _client = new RpcClient(endpoint, new HttpClient(new ForwardingHandler(httpClient)) { Timeout = Timeout.InfiniteTimeSpan });
        _knownErrors = knownErrors?.ToArray() ?? [];
    }

    /// <summary>The node's URL.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<BigInteger> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_chainId", [], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_blockNumber</c>.</summary>
    public async Task<BigInteger> GetBlockNumberAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_blockNumber", [], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_getBalance</c> in wei.</summary>
    public async Task<BigInteger> GetBalanceAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_getBalance", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_getTransactionCount</c>: with <see cref="BlockParameter.Pending"/> this is the next free nonce as the node sees it.</summary>
    public async Task<BigInteger> GetTransactionCountAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_getTransactionCount", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_getCode</c>: empty for accounts without code.</summary>
    public async Task<byte[]> GetCodeAsync(Address address, BlockParameter block = default, CancellationToken cancellationToken = default) =>
        Hex.Decode(await RequestAsync<string>("eth_getCode", [address.ToLowerHex(), block.ToString()], cancellationToken).ConfigureAwait(false));

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
        decimal[] percentiles = [.. rewardPercentiles ?? []];
        var result = await RequestAsync<FeeHistoryResult>("eth_feeHistory", [Hex.EncodeQuantity(blockCount), newestBlock.ToString(), percentiles], cancellationToken).ConfigureAwait(false);
        return NethereumDtos.ToFeeHistory(result);
    }

    /// <summary><c>eth_maxPriorityFeePerGas</c>: the node's suggested tip.</summary>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_maxPriorityFeePerGas", [], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_gasPrice</c>: the node's legacy gas price, what a simulation quotes a transfer at.</summary>
    public async Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken = default) =>
        (await RequestAsync<HexBigInteger>("eth_gasPrice", [], cancellationToken).ConfigureAwait(false)).Value;

    /// <summary><c>eth_estimateGas</c>.</summary>
    /// <exception cref="ContractRevertedException">The call would revert.</exception>
    public async Task<BigInteger> EstimateGasAsync(CallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await RequestAsync<HexBigInteger>("eth_estimateGas", [NethereumDtos.ToCallInput(request)], cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary><c>eth_call</c>: executes without a transaction and returns the return data.</summary>
    /// <exception cref="ContractRevertedException">The call reverted.</exception>
    public async Task<byte[]> CallAsync(CallRequest request, BlockParameter block = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Hex.Decode(await RequestAsync<string>("eth_call", [NethereumDtos.ToCallInput(request), block.ToString()], cancellationToken).ConfigureAwait(false));
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
        var result = await RequestAsync<string?>("eth_sendRawTransaction", [Hex.Encode(rawTransaction.Span)], cancellationToken).ConfigureAwait(false);
        return result ?? throw new JsonRpcException("eth_sendRawTransaction", 0, "no transaction hash in the response", null) { Kind = JsonRpcErrorKind.InvalidResponse };
    }

    /// <summary><c>eth_getTransactionReceipt</c>; null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionHash);
        var result = await RequestAsync<NethereumReceipt?>("eth_getTransactionReceipt", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result is null ? null : NethereumDtos.ToReceipt(result);
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
        var result = await RequestAsync<Transaction?>("eth_getTransactionByHash", [transactionHash], cancellationToken).ConfigureAwait(false);
        return result is null ? null : NethereumDtos.ToTransaction(result);
    }

    /// <summary><c>eth_getLogs</c>.</summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var result = await RequestAsync<FilterLog[]?>("eth_getLogs", [NethereumDtos.ToFilter(filter)], cancellationToken).ConfigureAwait(false);
        return (result ?? []).Select(NethereumDtos.ToLog).ToArray();
    }

    /// <summary>
    /// Sends any JSON-RPC request (e.g. anvil's <c>evm_mine</c>) and returns the <c>result</c> member.
    /// Parameters may be strings, numbers, booleans or <see cref="JsonNode"/>s.
    /// </summary>
    /// <exception cref="JsonRpcException">The node returned an error.</exception>
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync<JToken?>(method, parameters.Select(ToParameter).ToArray(), cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result?.ToString(Newtonsoft.Json.Formatting.None) ?? "null");
        return document.RootElement.Clone();
    }

    private async Task<T> RequestAsync<T>(string method, object?[] parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var request = new RpcRequest(Interlocked.Increment(ref _nextId), method, parameters!);
        try
        {
            return await _client.SendRequestAsync<T>(request).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException ex)
        {
            throw ToException(method, ex.RpcError);
        }
        catch (RpcClientUnknownException ex) when (ex.InnerException is HttpRequestException http)
        {
            // Transport trouble stays what it is, so retry policies see an HttpRequestException as without Nethereum.
            ExceptionDispatchInfo.Throw(http);
            throw;
        }
        catch (RpcClientUnknownException ex) when (ex.InnerException is Newtonsoft.Json.JsonException)
        {
            throw new JsonRpcException($"{method}: the node's response is not JSON.", ex);
        }
        catch (RpcClientTimeoutException ex)
        {
            throw new TimeoutException($"{method}: the node did not answer in time.", ex);
        }
    }

    private JsonRpcException ToException(string method, RpcError error)
    {
        // Nethereum appends ": {method}" to the node's message.
        var message = error.Message ?? "unknown error";
        var suffix = ": " + method;
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        // Newtonsoft gives a string for string data and a JObject for an object.
        var data = error.Data is null ? null : error.Data as JToken ?? JToken.FromObject(error.Data);
        var dataJson = data?.ToString(Newtonsoft.Json.Formatting.None);
        var revertData = ExtractRevertData(data);
        var isRevert = error.Code == 3 || message.Contains("revert", StringComparison.OrdinalIgnoreCase);
        if (isRevert && method is "eth_call" or "eth_estimateGas")
        {
            var bytes = revertData ?? [];
            return new ContractRevertedException(method, error.Code, message, dataJson, bytes, RevertDecoder.Decode(bytes, _knownErrors));
        }

        return new JsonRpcException(method, error.Code, message, dataJson);
    }

    // Nodes put revert data either directly in "data" (geth, anvil) or nested as {"data": "0x…"}.
    private static byte[]? ExtractRevertData(JToken? data) => data switch
    {
        JValue { Type: JTokenType.String } value when value.ToString() is { } text && text.StartsWith("0x", StringComparison.Ordinal) && Hex.TryDecode(text, out var bytes) => bytes,
        JObject o when o["data"] is { } inner => ExtractRevertData(inner),
        _ => null,
    };

    private static object? ToParameter(object? value) => value switch
    {
        JsonNode node => JToken.Parse(node.ToJsonString()),
        BigInteger q => Hex.EncodeQuantity(q),
        Address a => a.ToLowerHex(),
        null or string or bool or int or long or decimal => value,
        _ => throw new ArgumentException($"Unsupported JSON-RPC parameter type {value.GetType().Name}.", nameof(value)),
    };
}
