using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PaymentFunctions.Ethereum.JsonRpc;

/// <summary>Source-generated serialization for request bodies (no reflection).</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonRpcSerializerContext : JsonSerializerContext;
