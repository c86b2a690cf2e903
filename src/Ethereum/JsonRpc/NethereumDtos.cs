using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Newtonsoft.Json.Linq;
using PaymentFunctions.Ethereum.Addresses;
using NethereumReceipt = Nethereum.RPC.Eth.DTOs.TransactionReceipt;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>
/// Maps between Nethereum's JSON-RPC DTOs (which do the wire parsing) and this library's records, which speak
/// <see cref="Address"/> and <see cref="System.Numerics.BigInteger"/> and which the transaction manager and its callers store and compare.
/// </summary>
internal static class NethereumDtos
{
    public static TransactionReceipt ToReceipt(NethereumReceipt r) => new()
    {
        TransactionHash = r.TransactionHash ?? throw Invalid("transactionHash"),
        BlockNumber = r.BlockNumber?.Value ?? throw Invalid("blockNumber"),
        BlockHash = r.BlockHash ?? throw Invalid("blockHash"),
        TransactionIndex = r.TransactionIndex?.Value ?? 0,
        From = ToAddress(r.From) ?? throw Invalid("from"),
        To = ToAddress(r.To),
        ContractAddress = ToAddress(r.ContractAddress),
        Succeeded = (r.Status?.Value ?? throw Invalid("status")).IsOne,
        GasUsed = r.GasUsed?.Value ?? 0,
        CumulativeGasUsed = r.CumulativeGasUsed?.Value ?? 0,
        EffectiveGasPrice = r.EffectiveGasPrice?.Value ?? 0,
        Type = (int)(r.Type?.Value ?? 0),
        Logs = (r.Logs ?? []).Select(ToLog).ToArray(),
    };

    public static LogEntry ToLog(FilterLog log) =>
        new(
            ToAddress(log.Address) ?? throw Invalid("address"),
            (log.Topics ?? []).Select(t => Hex.Decode(t?.ToString() ?? throw Invalid("topics"))).ToArray(),
            string.IsNullOrEmpty(log.Data) ? [] : Hex.Decode(log.Data))
        {
            BlockNumber = log.BlockNumber?.Value,
            BlockHash = log.BlockHash,
            TransactionHash = log.TransactionHash,
            TransactionIndex = log.TransactionIndex?.Value,
            LogIndex = log.LogIndex?.Value,
            Removed = log.Removed,
        };

    public static TransactionInfo ToTransaction(Transaction t) => new()
    {
        Hash = t.TransactionHash ?? throw Invalid("hash"),
        From = ToAddress(t.From) ?? throw Invalid("from"),
        To = ToAddress(t.To),
        Nonce = t.Nonce?.Value ?? throw Invalid("nonce"),
        Value = t.Value?.Value ?? 0,
        Gas = t.Gas?.Value ?? 0,
        GasPrice = t.GasPrice?.Value,
        MaxFeePerGas = t.MaxFeePerGas?.Value,
        MaxPriorityFeePerGas = t.MaxPriorityFeePerGas?.Value,
        Input = string.IsNullOrEmpty(t.Input) ? [] : Hex.Decode(t.Input),
        BlockNumber = t.BlockNumber?.Value,
        BlockHash = t.BlockHash,
        Type = (int)(t.Type?.Value ?? 0),
    };

    public static FeeHistory ToFeeHistory(FeeHistoryResult f) => new(
        f.OldestBlock?.Value ?? throw Invalid("oldestBlock"),
        (f.BaseFeePerGas ?? throw Invalid("baseFeePerGas")).Select(b => b.Value).ToArray(),
        f.GasUsedRatio ?? [],
        (f.Reward ?? []).Select(r => (IReadOnlyList<System.Numerics.BigInteger>)r.Select(q => q.Value).ToArray()).ToArray());

    public static CallInput ToCallInput(CallRequest request) => new()
    {
        From = request.From?.ToLowerHex(),
        To = request.To?.ToLowerHex(),
        Data = request.Data.IsEmpty ? null : Hex.Encode(request.Data.Span),
        Value = Quantity(request.Value),
        Gas = Quantity(request.Gas),
        GasPrice = Quantity(request.GasPrice),
        MaxFeePerGas = Quantity(request.MaxFeePerGas),
        MaxPriorityFeePerGas = Quantity(request.MaxPriorityFeePerGas),
    };

    public static JObject ToFilter(LogFilter filter)
    {
        var o = new JObject();
        if (filter.BlockHash is { } hash)
        {
            o["blockHash"] = hash;
        }

        if (filter.FromBlock is { } from)
        {
            o["fromBlock"] = from.ToString();
        }

        if (filter.ToBlock is { } to)
        {
            o["toBlock"] = to.ToString();
        }

        if (filter.Addresses.Count > 0)
        {
            o["address"] = new JArray(filter.Addresses.Select(a => a.ToLowerHex()));
        }

        if (filter.Topics.Count > 0)
        {
            o["topics"] = new JArray(filter.Topics.Select(position => position is null ? JValue.CreateNull() : (JToken)new JArray(position.Select(t => Hex.Encode(t)))));
        }

        return o;
    }

    private static HexBigInteger? Quantity(System.Numerics.BigInteger? value) => value is { } v ? new HexBigInteger(v) : null;

    private static Address? ToAddress(string? text) => string.IsNullOrEmpty(text) ? null : Address.Parse(text.ToLowerInvariant());

    private static FormatException Invalid(string what) => new($"The node's response has no valid '{what}'.");
}
