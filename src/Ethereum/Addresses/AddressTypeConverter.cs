using System.ComponentModel;
using System.Globalization;

namespace PaymentFunctions.Ethereum.Addresses;

/// <summary>Lets configuration binding (<c>IOptions&lt;T&gt;</c>) read addresses from setting strings.</summary>
public sealed class AddressTypeConverter : TypeConverter
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Address.Parse(text.Trim()) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is Address address ? address.ToString() : base.ConvertTo(context, culture, value, destinationType);
}
