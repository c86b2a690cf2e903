namespace PaymentFunctions.Ethereum.Abi;

/// <summary>An event log decoded against its <see cref="AbiEvent"/>.</summary>
/// <param name="Event">The event definition.</param>
/// <param name="Values">Values in declaration order. Indexed dynamic values (string, bytes, arrays, tuples) are their 32-byte Keccak hash, as that is all the log holds.</param>
public sealed record DecodedEvent(AbiEvent Event, IReadOnlyList<object?> Values)
{
    /// <summary>The value of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No parameter has that name.</exception>
    public object? this[string name]
    {
        get
        {
            for (var i = 0; i < Event.Inputs.Count; i++)
            {
                if (string.Equals(Event.Inputs[i].Name, name, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"Event {Event.Name} has no parameter '{name}'.");
        }
    }

    /// <summary>The value of <paramref name="name"/> as <typeparamref name="T"/>.</summary>
    public T Get<T>(string name) => (T)this[name]!;
}
