using Nethereum.ABI;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A contract event such as <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>, over
/// Nethereum's <see cref="EventABI"/>: its topic for log filters and the decoding of logs (indexed values from
/// topics, the rest from data) into our value types.
/// </summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic;

    /// <summary>Wraps a Nethereum event description (e.g. from a JSON ABI).</summary>
    public AbiEvent(EventABI definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Definition.InputParameters ??= [];
        _topic = Hex.Decode(definition.Sha3Signature);
    }

    /// <summary>The Nethereum description.</summary>
    public EventABI Definition { get; }

    /// <summary>The event name.</summary>
    public string Name => Definition.Name;

    /// <summary>The parameters, in declaration order, with their indexed flags.</summary>
    public IReadOnlyList<Parameter> Inputs => Definition.InputParameters;

    /// <summary>True for anonymous events, which have no signature topic.</summary>
    public bool Anonymous => Definition.IsAnonymous;

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature => Definition.Signature;

    /// <summary>Topic 0: the Keccak-256 of <see cref="Signature"/>.</summary>
    public ReadOnlySpan<byte> Topic => _topic;

    /// <summary>Topic 0 as "0x" hex, for <c>eth_getLogs</c> filters.</summary>
    public string TopicHex => Hex.Encode(_topic);

    /// <summary>Parses <c>event Name(type [indexed] [name], …)</c> with Nethereum's signature parser.</summary>
    /// <exception cref="FormatException">The declaration is not an event.</exception>
    public static AbiEvent Parse(string declaration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(declaration);
        var text = declaration.TrimStart().StartsWith("event ", StringComparison.Ordinal) ? declaration : "event " + declaration.TrimStart();
        var events = new ABIStringSignatureDeserialiser().ExtractContractABI(text).Events;
        return events is [{ Name.Length: > 0 } e] ? new AbiEvent(e) : throw new FormatException($"'{declaration}' is not an event declaration.");
    }

    /// <summary>The topic for an indexed value of a static type (to filter logs by it): the value's 32-byte ABI word.</summary>
    /// <param name="solidityType">The parameter's type, e.g. <c>address</c> or <c>uint256</c>.</param>
    /// <param name="value">The value.</param>
    public static byte[] EncodeTopic(string solidityType, object? value) => AbiValues.EncodeWord(solidityType, value);

    /// <summary>True when the log's first topic is this event's (always false for anonymous events).</summary>
    public bool Matches(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return !Anonymous && topics.Count > 0 && topics[0].AsSpan().SequenceEqual(_topic);
    }

    /// <summary>Decodes a log's topics and data. Indexed dynamic values come back as their 32-byte hash, all the log holds.</summary>
    /// <exception cref="FormatException">The log is not this event or is malformed.</exception>
    public DecodedEvent Decode(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = Inputs.Where(p => p.Indexed).ToArray();
        var firstIndexedTopic = Anonymous ? 0 : 1;
        if (!Anonymous && !Matches(topics))
        {
            throw new FormatException($"The log is not a {Signature} event.");
        }

        if (topics.Count != firstIndexedTopic + indexed.Length || topics.Skip(firstIndexedTopic).Any(t => t.Length != 32))
        {
            throw new FormatException($"{Signature} has {indexed.Length} indexed parameters of 32 bytes but the log has {topics.Count - firstIndexedTopic} topics.");
        }

        var dataValues = AbiValues.Decode(Inputs.Where(p => !p.Indexed).ToArray(), data);
        var values = new object?[Inputs.Count];
        int topicIndex = firstIndexedTopic, dataIndex = 0;
        for (var i = 0; i < Inputs.Count; i++)
        {
            var parameter = Inputs[i];
            if (!parameter.Indexed)
            {
                values[i] = dataValues[dataIndex++];
                continue;
            }

            var topic = topics[topicIndex++];
            values[i] = parameter.ABIType.IsDynamic() || parameter.ABIType is TupleType or ArrayType
                ? topic.ToArray()
                : AbiValues.DecodeWord(parameter.ABIType, topic);
        }

        return new DecodedEvent(this, values);
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
