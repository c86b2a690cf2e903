using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentFunctions.Ethereum.Addresses;

/// <summary>Reads addresses from JSON strings (checksum enforced for mixed case) and writes the EIP-55 form.</summary>
public sealed class AddressJsonConverter : JsonConverter<Address>
{
    /// <inheritdoc/>
    public override Address Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An address is a JSON string.");
        }

        return Address.TryParse(reader.GetString(), out var address)
            ? address
            : throw new JsonException($"'{reader.GetString()}' is not a valid address.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Address value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
