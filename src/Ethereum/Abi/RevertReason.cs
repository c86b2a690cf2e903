using System.Numerics;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>A decoded revert: what failed, in words an operator can act on, plus the raw data.</summary>
/// <param name="Kind">The kind of revert.</param>
/// <param name="Message">A readable description (the <c>Error(string)</c> message, the panic meaning, or the custom error with its arguments).</param>
/// <param name="Data">The raw revert data.</param>
public sealed record RevertReason(RevertKind Kind, string Message, ReadOnlyMemory<byte> Data)
{
    /// <summary>The panic code for <see cref="RevertKind.Panic"/>.</summary>
    public BigInteger? PanicCode { get; init; }

    /// <summary>The matched custom error for <see cref="RevertKind.Custom"/>.</summary>
    public AbiError? Error { get; init; }

    /// <summary>The decoded arguments of the error (empty when none or unknown).</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    /// <summary>The custom error's name, the built-in error name, or null.</summary>
    public string? ErrorName => Kind switch
    {
        RevertKind.Error => "Error",
        RevertKind.Panic => "Panic",
        RevertKind.Custom => Error?.Name,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Message;
}
