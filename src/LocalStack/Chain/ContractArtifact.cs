using System.Text.Json;
using PaymentFunctions.Ethereum;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;
using PaymentFunctions.Ethereum.Abi;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// A compiled contract from <c>contracts/artifacts</c>: its creation bytecode and its ABI, with functions,
/// events and errors read from the compiler's JSON by Nethereum, so callers use exactly the interface that was compiled.
/// </summary>
public sealed class ContractArtifact
{
    private readonly byte[] _bytecode;
    private readonly Dictionary<string, AbiFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbiEvent> _events = new(StringComparer.Ordinal);
    private readonly List<AbiError> _errors = [];
    private readonly Parameter[] _constructorInputs;

    private ContractArtifact(string name, byte[] bytecode, string abiJson)
    {
        Name = name;
        _bytecode = bytecode;
        ContractABI abi = ABIDeserialiserFactory.DeserialiseContractABI(abiJson);

        // Overloads are not used by our contracts; the first declaration wins.
        foreach (FunctionABI function in abi.Functions ?? [])
        {
            _functions.TryAdd(function.Name, new AbiFunction(function));
        }

        foreach (EventABI e in abi.Events ?? [])
        {
            _events.TryAdd(e.Name, new AbiEvent(e));
        }

        _errors.AddRange((abi.Errors ?? []).Select(e => new AbiError(e)));
        _constructorInputs = abi.Constructor?.InputParameters ?? [];
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
        return new ContractArtifact(name, Hex.Decode(bytecode.GetString()!), abi.GetRawText());
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
        ArgumentNullException.ThrowIfNull(constructorArguments);
        return [.. _bytecode, .. AbiValues.Encode(_constructorInputs, constructorArguments)];
    }

    /// <inheritdoc />
    public override string ToString() => $"ContractArtifact({Name})";
}
