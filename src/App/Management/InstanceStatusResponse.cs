using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.App.Management;

/// <summary>An instance as the Durable Functions HTTP API shows it; payloads appear as the JSON they were stored as.</summary>
public sealed record InstanceStatusResponse(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonNode? Input,
    JsonNode? CustomStatus,
    JsonNode? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime)
{
    /// <summary>The failure of a failed instance: type and message, never the stack.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FailureResponse? FailureDetails { get; init; }

    /// <summary>The history, when asked for with <c>showHistory=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonArray? HistoryEvents { get; init; }

    internal static InstanceStatusResponse From(OrchestrationMetadata metadata, bool showInput) => new(
        metadata.Name,
        metadata.InstanceId,
        metadata.RuntimeStatus.ToString(),
        showInput ? ParsePayload(metadata.SerializedInput) : null,
        ParsePayload(metadata.SerializedCustomStatus),
        metadata.FailureDetails is { } failure ? JsonValue.Create(failure.ErrorMessage) : ParsePayload(metadata.SerializedOutput),
        metadata.CreatedAt,
        metadata.LastUpdatedAt)
    {
        FailureDetails = metadata.FailureDetails is { } details ? new FailureResponse(details.ErrorType, details.ErrorMessage) : null,
    };

    internal static JsonNode? ParsePayload(string? serialized)
    {
        if (serialized is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }

    /// <summary>A failure's type and message.</summary>
    public sealed record FailureResponse(string ErrorType, string ErrorMessage);
}
