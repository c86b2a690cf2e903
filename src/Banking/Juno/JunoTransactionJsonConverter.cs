using System.Text.Json;
using System.Text.Json.Serialization;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Juno;

/// <summary>
/// Reads a transaction in either of Juno's shapes: the documented transaction details (<c>transaction_id</c>,
/// <c>status</c>, <c>timeline</c>) and the older one the create endpoints and webhooks still send (<c>id</c>,
/// <c>summary_status</c>). Writes both names, so a client of either shape reads what the simulator writes.
/// </summary>
internal sealed class JunoTransactionJsonConverter : JsonConverter<JunoTransaction>
{
    public override JunoTransaction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize<Wire>(ref reader, options) ?? throw new JsonException("A transaction must be a JSON object.");
        return new JunoTransaction
        {
            Id = wire.TransactionId ?? wire.Id ?? throw new JsonException("A transaction needs 'transaction_id' (or 'id')."),
            Amount = wire.Amount,
            Currency = wire.Currency ?? "MXN",
            TransactionType = wire.TransactionType,
            Method = wire.Method,
            SummaryStatus = wire.Status ?? wire.SummaryStatus ?? throw new JsonException("A transaction needs 'status' (or 'summary_status')."),
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.UpdatedAt,
            Details = wire.Details,
            Timeline = wire.Timeline ?? [],
        };
    }

    public override void Write(Utf8JsonWriter writer, JunoTransaction value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Wire
        {
            TransactionId = value.Id,
            Id = value.Id,
            Amount = value.Amount,
            Currency = value.Currency,
            TransactionType = value.TransactionType,
            Method = value.Method,
            Status = value.SummaryStatus,
            SummaryStatus = value.SummaryStatus,
            Network = value.Details?.Blockchain,
            CreatedAt = value.CreatedAt,
            UpdatedAt = value.UpdatedAt,
            Details = value.Details,
            Timeline = value.Timeline,
        }, options);

    /// <summary>Every field of both shapes, as Juno names them.</summary>
    private sealed record Wire
    {
        public string? TransactionId { get; init; }

        public string? Id { get; init; }

        public decimal Amount { get; init; }

        public string? Currency { get; init; }

        public JunoTransactionType TransactionType { get; init; }

        public string? Method { get; init; }

        public JunoTransactionStatus? Status { get; init; }

        public JunoTransactionStatus? SummaryStatus { get; init; }

        public string? Network { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public JunoTransactionDetails? Details { get; init; }

        public IReadOnlyList<JunoTransactionStep>? Timeline { get; init; }
    }
}
