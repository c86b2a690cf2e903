using System.Globalization;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// Parses Solidity-style human-readable declarations: types, parameter lists and
/// <c>function name(…) view returns (…)</c>, <c>event Name(… indexed …)</c>, <c>error Name(…)</c>.
/// </summary>
internal static class AbiSignatureParser
{
    private static readonly HashSet<string> DataLocations = new(StringComparer.Ordinal) { "memory", "calldata", "storage", "payable" };

    internal sealed record Declaration(string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, bool Anonymous);

    public static AbiType ParseType(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length == 0)
        {
            throw new FormatException("An ABI type is required.");
        }

        AbiType type;
        int rest;
        if (s.StartsWith('(') || s.StartsWith("tuple(", StringComparison.Ordinal))
        {
            var open = s.IndexOf('(', StringComparison.Ordinal);
            var close = FindClosing(s, open);
            type = AbiType.Tuple(ParseParameters(s[(open + 1)..close], allowIndexed: false));
            rest = close + 1;
        }
        else
        {
            var bracket = s.IndexOf('[', StringComparison.Ordinal);
            var baseName = bracket < 0 ? s : s[..bracket];
            type = ParseElementary(baseName);
            rest = bracket < 0 ? s.Length : bracket;
        }

        while (rest < s.Length)
        {
            if (s[rest] != '[')
            {
                throw new FormatException($"Unexpected '{s[rest..]}' in ABI type '{text}'.");
            }

            var end = s.IndexOf(']', rest);
            if (end < 0)
            {
                throw new FormatException($"Unclosed '[' in ABI type '{text}'.");
            }

            var digits = s[(rest + 1)..end];
            if (digits.Length == 0)
            {
                type = AbiType.Array(type);
            }
            else if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                type = AbiType.Array(type, length);
            }
            else
            {
                throw new FormatException($"Invalid array length '{digits}' in ABI type '{text}'.");
            }

            rest = end + 1;
        }

        return type;
    }

    public static IReadOnlyList<AbiParameter> ParseParameters(string text, bool allowIndexed)
    {
        var parts = SplitTopLevel(text);
        return parts.Select(p => ParseParameter(p, allowIndexed)).ToArray();
    }

    public static Declaration ParseDeclaration(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.StartsWith(keyword + " ", StringComparison.Ordinal))
        {
            s = s[(keyword.Length + 1)..].TrimStart();
        }

        var open = s.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0)
        {
            throw new FormatException($"'{text}' is not a declaration like name(type1,type2).");
        }

        var name = s[..open].Trim();
        if (!IsIdentifier(name))
        {
            throw new FormatException($"'{name}' is not a valid identifier.");
        }

        var close = FindClosing(s, open);
        var inputs = ParseParameters(s[(open + 1)..close], allowIndexed: keyword == "event");
        var tail = s[(close + 1)..].Trim();
        IReadOnlyList<AbiParameter> outputs = [];
        var anonymous = false;
        var returns = tail.IndexOf("returns", StringComparison.Ordinal);
        if (returns >= 0)
        {
            var outOpen = tail.IndexOf('(', returns);
            if (outOpen < 0)
            {
                throw new FormatException($"'returns' without a parameter list in '{text}'.");
            }

            var outClose = FindClosing(tail, outOpen);
            outputs = ParseParameters(tail[(outOpen + 1)..outClose], allowIndexed: false);
            tail = tail[..returns] + tail[(outClose + 1)..];
        }

        foreach (var word in tail.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (word)
            {
                case "anonymous" when keyword == "event":
                    anonymous = true;
                    break;
                case "view" or "pure" or "payable" or "nonpayable" or "external" or "public" or "virtual" or "override":
                    break;
                default:
                    throw new FormatException($"Unexpected '{word}' in '{text}'.");
            }
        }

        return new Declaration(name, inputs, outputs, anonymous);
    }

    private static AbiParameter ParseParameter(string text, bool allowIndexed)
    {
        var s = text.Trim();
        var typeEnd = TypeTokenEnd(s);
        var type = ParseType(s[..typeEnd]);
        var words = s[typeEnd..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        words.RemoveAll(DataLocations.Contains);
        var indexed = false;
        if (words.Count > 0 && words[0] == "indexed")
        {
            if (!allowIndexed)
            {
                throw new FormatException($"'indexed' is only allowed on event parameters: '{text}'.");
            }

            indexed = true;
            words.RemoveAt(0);
        }

        if (words.Count > 1 || (words.Count == 1 && !IsIdentifier(words[0])))
        {
            throw new FormatException($"Cannot parse parameter '{text}'.");
        }

        return new AbiParameter(type, words.Count == 1 ? words[0] : string.Empty, indexed);
    }

    private static AbiType ParseElementary(string name)
    {
        switch (name)
        {
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "string":
                return AbiType.String;
            case "bytes":
                return AbiType.Bytes;
            case "uint":
                return AbiType.UInt256;
            case "int":
                return AbiType.Int(256);
        }

        try
        {
            if (name.StartsWith("uint", StringComparison.Ordinal) && TryNumber(name[4..], out var ubits))
            {
                return AbiType.UInt(ubits);
            }

            if (name.StartsWith("int", StringComparison.Ordinal) && TryNumber(name[3..], out var bits))
            {
                return AbiType.Int(bits);
            }

            if (name.StartsWith("bytes", StringComparison.Ordinal) && TryNumber(name[5..], out var size))
            {
                return AbiType.FixedBytes(size);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"Invalid ABI type '{name}': {ex.Message}", ex);
        }

        throw new FormatException($"Unsupported ABI type '{name}'.");
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && !text.StartsWith('0');

    private static int TypeTokenEnd(string s)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ' ' when depth == 0:
                    return i;
            }
        }

        return s.Length;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return parts;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        if (parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"Empty parameter in '({text})'.");
        }

        return parts;
    }

    private static int FindClosing(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                depth++;
            }
            else if (s[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced parentheses in '{s}'.");
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] is '_' or '$') && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
