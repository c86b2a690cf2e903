using Nethereum.Util;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A contract function: builds call data (selector + encoded arguments) and decodes return data.
/// Declared from Solidity-like text, e.g. <c>function balanceOf(address owner) view returns (uint256)</c>.
/// </summary>
public sealed class AbiFunction
{
    private readonly byte[] _selector;

    /// <summary>Creates a function from its parts.</summary>
    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs;
        Outputs = outputs ?? [];
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.CanonicalName))})";
        _selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(Signature))[..4];
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The return values.</summary>
    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>The canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector: the first bytes of the Keccak-256 of <see cref="Signature"/>.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>The selector as "0x" hex.</summary>
    public string SelectorHex => Hex.Encode(_selector);

    /// <summary>Parses <c>[function] name(params) [modifiers] [returns (params)]</c>.</summary>
    /// <exception cref="FormatException">The declaration cannot be parsed.</exception>
    public static AbiFunction Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "function");
        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs);
    }

    /// <summary>Encodes a call: selector followed by the ABI-encoded arguments.</summary>
    /// <remarks>A single array argument must be wrapped (<c>EncodeCall([items])</c>), or C# spreads it over the parameters.</remarks>
    /// <exception cref="ArgumentException">The arguments do not match the parameters.</exception>
    public byte[] EncodeCall(params object?[] arguments)
    {
        var encoded = AbiEncoder.Encode(Inputs.Select(p => p.Type).ToArray(), arguments);
        var result = new byte[4 + encoded.Length];
        _selector.CopyTo(result, 0);
        encoded.CopyTo(result, 4);
        return result;
    }

    /// <summary>Decodes call data made for this function (checks the selector).</summary>
    /// <exception cref="FormatException">The data is not a call to this function.</exception>
    public object?[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (callData.Length < 4 || !callData[..4].SequenceEqual(_selector))
        {
            throw new FormatException($"The call data is not a call to {Signature}.");
        }

        return AbiDecoder.Decode(Inputs.Select(p => p.Type).ToArray(), callData[4..]);
    }

    /// <summary>Decodes the return data of a call.</summary>
    /// <exception cref="FormatException">The data does not match <see cref="Outputs"/>.</exception>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) =>
        AbiDecoder.Decode(Outputs.Select(p => p.Type).ToArray(), returnData);

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
