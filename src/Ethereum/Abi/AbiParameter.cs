namespace PaymentFunctions.Ethereum.Abi;

/// <summary>A named function, event or error parameter, or a tuple component.</summary>
/// <param name="Type">The ABI type.</param>
/// <param name="Name">The parameter name, or empty when unnamed.</param>
/// <param name="Indexed">For event parameters: whether the value is a topic rather than in the data.</param>
public sealed record AbiParameter(AbiType Type, string Name = "", bool Indexed = false)
{
    /// <summary>Shows the parameter as Solidity would declare it.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Type.CanonicalName, Indexed ? "indexed" : string.Empty, Name }.Where(s => s.Length > 0));
}
