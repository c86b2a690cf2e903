using System.Text.Json;

namespace PaymentFunctions.Durable;

/// <summary>The default converter: System.Text.Json with web defaults (camelCase).</summary>
public sealed class JsonDataConverter(JsonSerializerOptions? options = null) : DataConverter
{
    private readonly JsonSerializerOptions options = options ?? new(JsonSerializerDefaults.Web);

    /// <summary>A shared default instance.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <inheritdoc />
    public override string? Serialize(object? value)
        => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), this.options);

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return targetType.IsValueType && Nullable.GetUnderlyingType(targetType) is null
                ? Activator.CreateInstance(targetType)
                : null;
        }

        return JsonSerializer.Deserialize(data, targetType, this.options);
    }
}
