using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentFunctions.Banking.Juno;

/// <summary>
/// An amount Juno takes as a decimal string (<c>"1000.50"</c>) or a JSON number (<c>1000.50</c>): either is read as
/// its exact text, never through a binary floating point. Written as the string Juno documents.
/// </summary>
public sealed class JunoAmountTextConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
        _ => throw new JsonException("An amount must be a decimal string or a JSON number."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
