using System.Text.Json;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A contract's JSON ABI (as solc emits it): its functions, events and custom errors, looked up by name.
/// Lets callers use compiled artifacts directly instead of re-typing declarations.
/// </summary>
public sealed class ContractAbi
{
    private ContractAbi(IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
    }

    /// <summary>All functions (overloads appear once each).</summary>
    public IReadOnlyList<AbiFunction> Functions { get; }

    /// <summary>All events.</summary>
    public IReadOnlyList<AbiEvent> Events { get; }

    /// <summary>All custom errors, for revert decoding.</summary>
    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>Parses a JSON ABI array.</summary>
    /// <exception cref="FormatException">The JSON is not an ABI.</exception>
    public static ContractAbi Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException("The ABI is not valid JSON.", ex);
        }
    }

    /// <summary>Parses a JSON ABI array element.</summary>
    /// <exception cref="FormatException">The JSON is not an ABI.</exception>
    public static ContractAbi Parse(JsonElement abi)
    {
        if (abi.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A JSON ABI is an array.");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        foreach (var entry in abi.EnumerateArray())
        {
            var type = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            switch (type)
            {
                case "function":
                    functions.Add(new AbiFunction(name, Parameters(entry, "inputs"), Parameters(entry, "outputs")));
                    break;
                case "event":
                    var anonymous = entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True;
                    events.Add(new AbiEvent(name, Parameters(entry, "inputs"), anonymous));
                    break;
                case "error":
                    errors.Add(new AbiError(name, Parameters(entry, "inputs")));
                    break;
            }
        }

        return new ContractAbi(functions, events, errors);
    }

    /// <summary>The function called <paramref name="name"/>; for overloads, pass the signature (e.g. <c>safeTransferFrom(address,address,uint256)</c>).</summary>
    /// <exception cref="KeyNotFoundException">No such function, or the name is ambiguous.</exception>
    public AbiFunction GetFunction(string name) => Single(Functions, f => f.Name, f => f.Signature, name, "function");

    /// <summary>The event called <paramref name="name"/> (or with that signature).</summary>
    /// <exception cref="KeyNotFoundException">No such event, or the name is ambiguous.</exception>
    public AbiEvent GetEvent(string name) => Single(Events, e => e.Name, e => e.Signature, name, "event");

    /// <summary>The error called <paramref name="name"/> (or with that signature).</summary>
    /// <exception cref="KeyNotFoundException">No such error, or the name is ambiguous.</exception>
    public AbiError GetError(string name) => Single(Errors, e => e.Name, e => e.Signature, name, "error");

    private static T Single<T>(IReadOnlyList<T> items, Func<T, string> getName, Func<T, string> getSignature, string key, string kind)
    {
        var matches = items.Where(i => getSignature(i) == key).ToList();
        if (matches.Count == 0)
        {
            matches = items.Where(i => getName(i) == key).ToList();
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"The ABI has no {kind} '{key}'."),
            _ => throw new KeyNotFoundException($"The {kind} name '{key}' is overloaded; use its signature ({string.Join(", ", matches.Select(getSignature))})."),
        };
    }

    private static AbiParameter[] Parameters(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(Parameter).ToArray()
            : [];

    private static AbiParameter Parameter(JsonElement p)
    {
        var typeText = p.GetProperty("type").GetString() ?? throw new FormatException("An ABI parameter needs a type.");
        var name = p.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var indexed = p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        AbiType type;
        if (typeText.StartsWith("tuple", StringComparison.Ordinal))
        {
            // "tuple", "tuple[]", "tuple[2][]": the components describe the tuple, the suffix the arrays.
            var tuple = AbiType.Tuple(Parameters(p, "components"));
            type = AbiSignatureParser.ParseType(tuple.CanonicalName + typeText["tuple".Length..]);
            type = WithComponentNames(type, tuple);
        }
        else
        {
            type = AbiType.Parse(typeText);
        }

        return new AbiParameter(type, name, indexed);
    }

    // Re-parsing the canonical name loses component names; rebuild the array nesting around the named tuple.
    private static AbiType WithComponentNames(AbiType type, AbiType namedTuple) =>
        type.Kind == AbiTypeKind.Array
            ? AbiType.Array(WithComponentNames(type.ElementType!, namedTuple), type.ArrayLength)
            : namedTuple;
}
