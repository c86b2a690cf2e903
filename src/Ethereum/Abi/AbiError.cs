using Nethereum.Util;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A Solidity custom error such as <c>error InsufficientBalance(uint256 available, uint256 required)</c>;
/// reverts carry its 4-byte selector followed by the ABI-encoded arguments.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;

    /// <summary>Creates an error from its parts.</summary>
    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs;
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.CanonicalName))})";
        _selector = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(Signature))[..4];
    }

    /// <summary>The built-in <c>Error(string)</c> used by <c>require</c> and <c>revert("…")</c>.</summary>
    public static AbiError ErrorString { get; } = Parse("error Error(string message)");

    /// <summary>The built-in <c>Panic(uint256)</c> used for assertion failures, overflow and the like.</summary>
    public static AbiError Panic { get; } = Parse("error Panic(uint256 code)");

    /// <summary>The error name.</summary>
    public string Name { get; }

    /// <summary>The error parameters.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>The canonical signature, e.g. <c>InsufficientBalance(uint256,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>The 4-byte selector.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Parses <c>[error] Name(params)</c>.</summary>
    /// <exception cref="FormatException">The declaration cannot be parsed.</exception>
    public static AbiError Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "error");
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    /// <summary>True when <paramref name="revertData"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(_selector);

    /// <summary>Encodes revert data for this error (useful in tests and simulators).</summary>
    public byte[] Encode(params object?[] arguments)
    {
        var encoded = AbiEncoder.Encode(Inputs.Select(p => p.Type).ToArray(), arguments);
        return [.. _selector, .. encoded];
    }

    /// <summary>Decodes the arguments of revert data that <see cref="Matches"/> this error.</summary>
    /// <exception cref="FormatException">The data is not this error.</exception>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
        {
            throw new FormatException($"The revert data is not {Signature}.");
        }

        return AbiDecoder.Decode(Inputs.Select(p => p.Type).ToArray(), revertData[4..]);
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
