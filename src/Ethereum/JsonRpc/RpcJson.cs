using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>Conversions between JSON-RPC values and this library's types.</summary>
internal static class RpcJson
{
    public static BigInteger Quantity(JsonElement e) => Hex.DecodeQuantity(e.GetString() ?? throw Invalid("quantity"));

    public static BigInteger? OptionalQuantity(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? Quantity(e) : null;

    public static BigInteger RequiredQuantity(JsonElement parent, string name) =>
        OptionalQuantity(parent, name) ?? throw Invalid(name);

    public static Address? OptionalAddress(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? Address.Parse(e.GetString()!.ToLowerInvariant()) : null;

    public static Address RequiredAddress(JsonElement parent, string name) => OptionalAddress(parent, name) ?? throw Invalid(name);

    public static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    public static string RequiredString(JsonElement parent, string name) => OptionalString(parent, name) ?? throw Invalid(name);

    public static byte[] Bytes(JsonElement e) => Hex.Decode(e.GetString() ?? throw Invalid("data"));

    public static byte[] OptionalBytes(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? Bytes(e) : [];

    public static LogEntry Log(JsonElement e) =>
        new(
            RequiredAddress(e, "address"),
            e.GetProperty("topics").EnumerateArray().Select(Bytes).ToArray(),
            OptionalBytes(e, "data"))
        {
            BlockNumber = OptionalQuantity(e, "blockNumber"),
            BlockHash = OptionalString(e, "blockHash"),
            TransactionHash = OptionalString(e, "transactionHash"),
            TransactionIndex = OptionalQuantity(e, "transactionIndex"),
            LogIndex = OptionalQuantity(e, "logIndex"),
            Removed = e.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True,
        };

    public static TransactionReceipt Receipt(JsonElement e) => new()
    {
        TransactionHash = RequiredString(e, "transactionHash"),
        BlockNumber = RequiredQuantity(e, "blockNumber"),
        BlockHash = RequiredString(e, "blockHash"),
        TransactionIndex = OptionalQuantity(e, "transactionIndex") ?? 0,
        From = RequiredAddress(e, "from"),
        To = OptionalAddress(e, "to"),
        ContractAddress = OptionalAddress(e, "contractAddress"),
        Succeeded = RequiredQuantity(e, "status") == 1,
        GasUsed = OptionalQuantity(e, "gasUsed") ?? 0,
        CumulativeGasUsed = OptionalQuantity(e, "cumulativeGasUsed") ?? 0,
        EffectiveGasPrice = OptionalQuantity(e, "effectiveGasPrice") ?? 0,
        Type = (int)(OptionalQuantity(e, "type") ?? 0),
        Logs = e.TryGetProperty("logs", out var logs) ? logs.EnumerateArray().Select(Log).ToArray() : [],
    };

    public static TransactionInfo Transaction(JsonElement e) => new()
    {
        Hash = RequiredString(e, "hash"),
        From = RequiredAddress(e, "from"),
        To = OptionalAddress(e, "to"),
        Nonce = RequiredQuantity(e, "nonce"),
        Value = OptionalQuantity(e, "value") ?? 0,
        Gas = OptionalQuantity(e, "gas") ?? 0,
        GasPrice = OptionalQuantity(e, "gasPrice"),
        MaxFeePerGas = OptionalQuantity(e, "maxFeePerGas"),
        MaxPriorityFeePerGas = OptionalQuantity(e, "maxPriorityFeePerGas"),
        Input = OptionalBytes(e, "input"),
        BlockNumber = OptionalQuantity(e, "blockNumber"),
        BlockHash = OptionalString(e, "blockHash"),
        Type = (int)(OptionalQuantity(e, "type") ?? 0),
        ChainId = OptionalQuantity(e, "chainId"),
    };

    public static FeeHistory FeeHistory(JsonElement e) => new(
        RequiredQuantity(e, "oldestBlock"),
        e.GetProperty("baseFeePerGas").EnumerateArray().Select(Quantity).ToArray(),
        e.TryGetProperty("gasUsedRatio", out var ratios) ? ratios.EnumerateArray().Select(Ratio).ToArray() : [],
        e.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(r => (IReadOnlyList<BigInteger>)r.EnumerateArray().Select(Quantity).ToArray()).ToArray()
            : []);

    public static JsonObject CallObject(CallRequest request)
    {
        var o = new JsonObject();
        if (request.From is { } from)
        {
            o["from"] = from.ToLowerHex();
        }

        if (request.To is { } to)
        {
            o["to"] = to.ToLowerHex();
        }

        if (!request.Data.IsEmpty)
        {
            // "input" is the current name, "data" the older one; nodes accept both when they agree.
            o["input"] = Hex.Encode(request.Data.Span);
            o["data"] = Hex.Encode(request.Data.Span);
        }

        AddQuantity(o, "value", request.Value);
        AddQuantity(o, "gas", request.Gas);
        AddQuantity(o, "gasPrice", request.GasPrice);
        AddQuantity(o, "maxFeePerGas", request.MaxFeePerGas);
        AddQuantity(o, "maxPriorityFeePerGas", request.MaxPriorityFeePerGas);
        return o;
    }

    public static JsonObject FilterObject(LogFilter filter)
    {
        var o = new JsonObject();
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
            o["address"] = new JsonArray(filter.Addresses.Select(a => (JsonNode?)JsonValue.Create(a.ToLowerHex())).ToArray());
        }

        if (filter.Topics.Count > 0)
        {
            o["topics"] = new JsonArray(filter.Topics
                .Select(position => position is null
                    ? null
                    : (JsonNode)new JsonArray(position.Select(t => (JsonNode?)JsonValue.Create(Hex.Encode(t))).ToArray()))
                .ToArray());
        }

        return o;
    }

    private static void AddQuantity(JsonObject o, string name, BigInteger? value)
    {
        if (value is { } v)
        {
            o[name] = Hex.EncodeQuantity(v);
        }
    }

    private static decimal Ratio(JsonElement e) => e.TryGetDecimal(out var d) ? d : 0m;

    private static FormatException Invalid(string what) => new($"The node's response has no valid '{what}'.");
}
