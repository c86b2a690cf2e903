using System.Globalization;
using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>Turns revert data into a <see cref="RevertReason"/>, trying the built-in errors and then the given custom errors.</summary>
public static class RevertDecoder
{
    /// <summary>Decodes revert data; never throws for malformed data (it becomes <see cref="RevertKind.Unknown"/>).</summary>
    public static RevertReason Decode(ReadOnlySpan<byte> data, IEnumerable<AbiError>? customErrors = null)
    {
        var raw = data.ToArray();
        if (raw.Length == 0)
        {
            return new RevertReason(RevertKind.Empty, "execution reverted without a reason", raw);
        }

        try
        {
            if (AbiError.ErrorString.Matches(raw))
            {
                var message = (string)AbiError.ErrorString.DecodeArguments(raw)[0]!;
                return new RevertReason(RevertKind.Error, message, raw) { Arguments = [message] };
            }

            if (AbiError.Panic.Matches(raw))
            {
                var code = (BigInteger)AbiError.Panic.DecodeArguments(raw)[0]!;
                return new RevertReason(RevertKind.Panic, $"panic 0x{code:x2}: {DescribePanic(code)}", raw)
                {
                    PanicCode = code,
                    Arguments = [code],
                };
            }

            foreach (var error in customErrors ?? [])
            {
                if (error.Matches(raw))
                {
                    var arguments = error.DecodeArguments(raw);
                    var text = $"{error.Name}({string.Join(", ", error.Definition.InputParameters.Select(p => p.Name ?? string.Empty).Zip(arguments, Format))})";
                    return new RevertReason(RevertKind.Custom, text, raw) { Error = error, Arguments = arguments };
                }
            }
        }
        catch (FormatException)
        {
            // Falls through: the selector matched but the payload did not.
        }

        return new RevertReason(RevertKind.Unknown, $"execution reverted with unknown data {Hex.Encode(raw.AsSpan(0, Math.Min(raw.Length, 4)))}…", raw);
    }

    /// <summary>The meaning of a Solidity panic code.</summary>
    public static string DescribePanic(BigInteger code) => (int)BigInteger.Min(code, int.MaxValue) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assertion failed",
        0x11 => "arithmetic overflow or underflow",
        0x12 => "division or modulo by zero",
        0x21 => "invalid enum value",
        0x22 => "invalid storage byte array encoding",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call to a zero-initialized internal function",
        _ => "unknown panic code",
    };

    private static string Format(string name, object? value)
    {
        var text = value switch
        {
            byte[] bytes => Hex.Encode(bytes),
            BigInteger n => n.ToString(CultureInfo.InvariantCulture),
            Address a => a.ToString(),
            string s => "\"" + s + "\"",
            null => "null",
            object?[] items => "[" + string.Join(", ", items.Select(i => Format(string.Empty, i))) + "]",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return name.Length > 0 ? $"{name}: {text}" : text;
    }
}
