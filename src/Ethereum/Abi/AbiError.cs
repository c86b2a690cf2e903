using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A Solidity custom error such as <c>error InsufficientBalance(uint256 available, uint256 required)</c>, over
/// Nethereum's <see cref="ErrorABI"/>; reverts carry its 4-byte selector followed by the ABI-encoded arguments.
/// </summary>
public sealed class AbiError
{
    private readonly byte[] _selector;

    /// <summary>Wraps a Nethereum error description (e.g. from a JSON ABI).</summary>
    public AbiError(ErrorABI error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Definition = error;
        Definition.InputParameters ??= [];
        _selector = Hex.Decode(error.Sha3Signature);
    }

    /// <summary>The built-in <c>Error(string)</c> used by <c>require</c> and <c>revert("…")</c>.</summary>
    public static AbiError ErrorString { get; } = Parse("error Error(string message)");

    /// <summary>The built-in <c>Panic(uint256)</c> used for assertion failures, overflow and the like.</summary>
    public static AbiError Panic { get; } = Parse("error Panic(uint256 code)");

    /// <summary>The Nethereum description.</summary>
    public ErrorABI Definition { get; }

    /// <summary>The error name.</summary>
    public string Name => Definition.Name;

    /// <summary>The canonical signature, e.g. <c>InsufficientBalance(uint256,uint256)</c>.</summary>
    public string Signature => Definition.Signature;

    /// <summary>The 4-byte selector.</summary>
    public ReadOnlySpan<byte> Selector => _selector;

    /// <summary>Parses <c>error Name(params)</c> with Nethereum's signature parser.</summary>
    /// <exception cref="FormatException">The declaration is not an error.</exception>
    public static AbiError Parse(string declaration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(declaration);
        var text = declaration.TrimStart().StartsWith("error ", StringComparison.Ordinal) ? declaration : "error " + declaration.TrimStart();
        var errors = new ABIStringSignatureDeserialiser().ExtractContractABI(text).Errors;
        return errors is [{ Name.Length: > 0 } error] ? new AbiError(error) : throw new FormatException($"'{declaration}' is not an error declaration.");
    }

    /// <summary>True when <paramref name="revertData"/> starts with this error's selector.</summary>
    public bool Matches(ReadOnlySpan<byte> revertData) => revertData.Length >= 4 && revertData[..4].SequenceEqual(_selector);

    /// <summary>Encodes revert data for this error (useful in tests and simulators).</summary>
    public byte[] Encode(params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return [.. _selector, .. AbiValues.Encode(Definition.InputParameters, arguments)];
    }

    /// <summary>Decodes the arguments of revert data that <see cref="Matches"/> this error.</summary>
    /// <exception cref="FormatException">The data is not this error.</exception>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (!Matches(revertData))
        {
            throw new FormatException($"The revert data is not {Signature}.");
        }

        return AbiValues.Decode(Definition.InputParameters, revertData[4..]);
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
