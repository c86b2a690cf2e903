namespace PaymentFunctions.Durable;

/// <summary>Turns inputs, outputs and event payloads into the text that history stores, and back.</summary>
public abstract class DataConverter
{
    /// <summary>Serializes a value; null stays null.</summary>
    public abstract string? Serialize(object? value);

    /// <summary>Deserializes text into the target type; null gives the type's default.</summary>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserializes text into <typeparamref name="T"/>.</summary>
    public T? Deserialize<T>(string? data) => (T?)this.Deserialize(data, typeof(T));
}
