using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A contract function for calls whose shape is only known at run time (a deployment artifact, a one-off admin call):
/// Nethereum's <see cref="FunctionABI"/> does the parsing and the ABI codec; this adds our value types. Contracts the
/// service itself calls use typed Nethereum function messages instead.
/// Declared from Solidity-like text, e.g. <c>function balanceOf(address owner) view returns (uint256)</c>.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Wraps a Nethereum function description (e.g. from a JSON ABI).</summary>
    public AbiFunction(FunctionABI function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Definition = function;
        Definition.InputParameters ??= [];
        Definition.OutputParameters ??= [];
        _selector = Hex.Decode(function.Sha3Signature);
    }

    /// <summary>The Nethereum description.</summary>
    public FunctionABI Definition { get; }

    /// <summary>The function name.</summary>
    public string Name => Definition.Name;

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature => Definition.Signature;

    /// <summary>The 4-byte selector: the first bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as "0x" hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Parses <c>function name(params) [modifiers] [returns (params)]</c> with Nethereum's signature parser.</summary>
    /// <exception cref="FormatException">The declaration is not a function.</exception>
    public static AbiFunction Parse(string declaration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(declaration);
        var text = declaration.TrimStart().StartsWith("function ", StringComparison.Ordinal) ? declaration : "function " + declaration.TrimStart();
        var functions = new ABIStringSignatureDeserialiser().ExtractContractABI(text).Functions;
        return functions is [{ Name.Length: > 0 } function] ? new AbiFunction(function) : throw new FormatException($"'{declaration}' is not a function declaration.");
    }

    /// <summary>Encodes a call: selector followed by the ABI-encoded arguments.</summary>
    /// <remarks>A single array argument must be wrapped (<c>EncodeCall([items])</c>), or C# spreads it over the parameters.</remarks>
    /// <exception cref="ArgumentException">The arguments do not match the parameters.</exception>
    public byte[] EncodeCall(params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return [.. _selector, .. AbiValues.Encode(Definition.InputParameters, arguments)];
    }

    /// <summary>Decodes call data made for this function (checks the selector).</summary>
    /// <exception cref="FormatException">The data is not a call to this function.</exception>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new FormatException($"The call data is not a call to {Signature}.");
        }

        return AbiValues.Decode(Definition.InputParameters, callData[4..]);
    }

    /// <summary>Decodes the return data of a call.</summary>
    /// <exception cref="FormatException">The data does not match the outputs.</exception>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiValues.Decode(Definition.OutputParameters, returnData);

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
