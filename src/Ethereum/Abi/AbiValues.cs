using System.Collections;
using System.Numerics;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// Maps values between this project's types and the ones Nethereum's ABI codec takes and returns, so contract calls
/// here speak <see cref="Address"/>, <see cref="BigInteger"/> and arrays: addresses are checksummed strings to
/// Nethereum, tuples are lists of <see cref="ParameterOutput"/>, every integer is a <see cref="BigInteger"/>.
/// </summary>
public static class AbiValues
{
    private static readonly FunctionCallEncoder Encoder = new();
    private static readonly ParameterDecoder Decoder = new();

    /// <summary>ABI-encodes <paramref name="values"/> for <paramref name="parameters"/> (no selector).</summary>
    public static byte[] Encode(Parameter[] parameters, object?[] values)
    {
        if (values.Length != parameters.Length)
        {
            throw new ArgumentException($"Expected {parameters.Length} values, got {values.Length}.", nameof(values));
        }

        try
        {
            return Encoder.EncodeParameters(parameters, parameters.Select((p, i) => ToNethereum(p.ABIType, values[i])).ToArray()!);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or AbiEncodingException or NullReferenceException)
        {
            throw new ArgumentException($"The values do not match ({string.Join(',', parameters.Select(p => p.Type))}): {ex.Message}", nameof(values), ex);
        }
    }

    /// <summary>Decodes ABI data for <paramref name="parameters"/> into values in declaration order.</summary>
    /// <exception cref="FormatException">The data does not match the parameters.</exception>
    public static object?[] Decode(Parameter[] parameters, ReadOnlySpan<byte> data)
    {
        if (parameters.Length == 0)
        {
            return [];
        }

        // Nethereum reads short or ragged data without complaint; ABI data is whole 32-byte words, one head word at least per value.
        if (data.Length % 32 != 0 || data.Length < 32 * parameters.Length)
        {
            throw new FormatException($"{data.Length} bytes are no ABI encoding of ({string.Join(',', parameters.Select(p => p.Type))}).");
        }

        List<ParameterOutput> outputs;
        try
        {
            outputs = Decoder.DecodeDefaultData(data.ToArray(), parameters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException($"The data does not decode as ({string.Join(',', parameters.Select(p => p.Type))}).", ex);
        }

        if (outputs.Count != parameters.Length)
        {
            throw new FormatException($"The data does not decode as ({string.Join(',', parameters.Select(p => p.Type))}).");
        }

        return outputs.Select(o => FromNethereum(o.Parameter.ABIType, o.Result)).ToArray();
    }

    /// <summary>One value of a static type as its 32-byte word (e.g. an indexed topic).</summary>
    internal static byte[] EncodeWord(string solidityType, object? value)
    {
        var type = ABIType.CreateABIType(solidityType);
        return type.Encode(ToNethereum(type, value));
    }

    /// <summary>Decodes one value of a static type from its 32-byte word.</summary>
    internal static object? DecodeWord(ABIType type, byte[] word) => FromNethereum(type, type.Decode(word, type.GetDefaultDecodingType()));

    private static object? ToNethereum(ABIType type, object? value) => (type, value) switch
    {
        (_, Address address) => address.ToString(),
        (TupleType tuple, object?[] fields) => tuple.Components.Select((c, i) => ToNethereum(c.ABIType, fields[i])).ToArray(),
        (ArrayType array, IEnumerable items) when value is not string and not byte[] =>
            items.Cast<object?>().Select(item => ToNethereum(array.ElementType, item)).ToList(),
        _ => value,
    };

    private static object? FromNethereum(ABIType type, object? value) => (type, value) switch
    {
        (_, null) => null,
        (AddressType, string text) => Address.Parse(text),
        (TupleType, IEnumerable<ParameterOutput> fields) => fields.Select(f => FromNethereum(f.Parameter.ABIType, f.Result)).ToArray(),
        (ArrayType array, IEnumerable items) when value is not string and not byte[] =>
            items.Cast<object?>().Select(item => FromNethereum(array.ElementType, item)).ToArray(),
        (IntType, IConvertible number) when value is not BigInteger => new BigInteger(Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture)),
        _ => value,
    };
}
