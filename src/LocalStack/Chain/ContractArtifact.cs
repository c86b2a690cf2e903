using System.Text.Json;
using PaymentFunctions.Ethereum;
using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// A compiled contract from <c>contracts/artifacts</c>: its creation bytecode and its ABI, with functions,
/// events and errors built from the compiler's JSON so callers use exactly the interface that was compiled.
/// </summary>
public sealed class ContractArtifact
{
    private readonly byte[] _bytecode;
    private readonly Dictionary<string, AbiFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _events = new(StringComparer.Ordinal);
    private readonly List<AbiError> _errors = [];
    private readonly IReadOnlyList<AbiParameter> _constructorInputs = [];

    private ContractArtifact(string name, byte[] bytecode, JsonElement abi)
    {
        Name = name;
        _bytecode = bytecode;
        foreach (JsonElement entry in abi.EnumerateArray())
        {
            string type = entry.GetProperty("type").GetString()!;
            switch (type)
            {
                case "function":
                    // Overloads are not used by our contracts; the first declaration wins.
                    _functions.TryAdd(
                        entry.GetProperty("name").GetString()!,
                        new AbiFunction(entry.GetProperty("name").GetString()!, Parameters(entry, "inputs"), Parameters(entry, "outputs")));
                    break;
                case "event":
                    bool anonymous = entry.TryGetProperty("anonymous", out JsonElement a) && a.GetBoolean();
                    _events.TryAdd(entry.GetProperty("name").GetString()!, new AbiEvent(entry.GetProperty("name").GetString()!, Parameters(entry, "inputs"), anonymous));
                    break;
                case "error":
                    _errors.Add(new AbiError(entry.GetProperty("name").GetString()!, Parameters(entry, "inputs")));
                    break;
                case "constructor":
                    _constructorInputs = Parameters(entry, "inputs");
                    break;
            }
        }
    }

    /// <summary>The contract name, e.g. <c>PaymentEscrow</c>.</summary>
    public string Name { get; }

    /// <summary>The creation (init) bytecode, without constructor arguments.</summary>
    public ReadOnlyMemory<byte> Bytecode => _bytecode;

    /// <summary>The contract's custom errors, for decoding reverts.</summary>
    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>Reads an artifact written by <c>contracts/compile.mjs</c>.</summary>
    /// <exception cref="FormatException">The JSON is not such an artifact.</exception>
    public static ContractArtifact Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("abi", out JsonElement abi) || !root.TryGetProperty("bytecode", out JsonElement bytecode))
        {
            throw new FormatException("A contract artifact has \"abi\" and \"bytecode\".");
        }

        string name = root.TryGetProperty("contractName", out JsonElement n) ? n.GetString() ?? "contract" : "contract";
        return new ContractArtifact(name, Hex.Decode(bytecode.GetString()!), abi);
    }

    /// <summary>The function called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The ABI has no such function.</exception>
    public AbiFunction Function(string name) =>
        _functions.TryGetValue(name, out AbiFunction? function) ? function : throw new KeyNotFoundException($"{Name} has no function '{name}'.");

    /// <summary>The event called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The ABI has no such event.</exception>
    public AbiEvent Event(string name) =>
        _events.TryGetValue(name, out AbiEvent? e) ? e : throw new KeyNotFoundException($"{Name} has no event '{name}'.");

    /// <summary>Creation bytecode followed by the ABI-encoded constructor arguments: the data of a deployment transaction.</summary>
    public byte[] CreateDeploymentData(params object?[] constructorArguments)
    {
        byte[] arguments = AbiEncoder.Encode(_constructorInputs.Select(p => p.Type).ToArray(), constructorArguments);
        return [.. _bytecode, .. arguments];
    }

    /// <inheritdoc />
    public override string ToString() => $"ContractArtifact({Name})";

    private static IReadOnlyList<AbiParameter> Parameters(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out JsonElement list)
            ? list.EnumerateArray().Select(ToParameter).ToArray()
            : [];

    private static AbiParameter ToParameter(JsonElement parameter)
    {
        string name = parameter.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? string.Empty : string.Empty;
        bool indexed = parameter.TryGetProperty("indexed", out JsonElement i) && i.GetBoolean();
        return new AbiParameter(ToType(parameter), name, indexed);
    }

    private static AbiType ToType(JsonElement parameter)
    {
        string type = parameter.GetProperty("type").GetString()!;
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
        {
            return AbiType.Parse(type);
        }

        // "tuple", "tuple[]", "tuple[2][]": the components give the tuple, the suffix its array dimensions.
        AbiType result = AbiType.Tuple(parameter.GetProperty("components").EnumerateArray().Select(ToParameter).ToArray());
        string suffix = type["tuple".Length..];
        while (suffix.Length > 0)
        {
            int close = suffix.IndexOf(']', StringComparison.Ordinal);
            string length = suffix[1..close];
            result = AbiType.Array(result, length.Length == 0 ? null : int.Parse(length, System.Globalization.CultureInfo.InvariantCulture));
            suffix = suffix[(close + 1)..];
        }

        return result;
    }
}
