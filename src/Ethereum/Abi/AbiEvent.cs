using Nethereum.Util;

namespace PaymentFunctions.Ethereum.Abi;

/// <summary>
/// A contract event such as <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>:
/// its topic for log filters and the decoding of logs (indexed values from topics, the rest from data).
/// </summary>
public sealed class AbiEvent
{
    private readonly byte[] _topic;

    /// <summary>Creates an event from its parts.</summary>
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs;
        Anonymous = anonymous;
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.CanonicalName))})";
        _topic = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(Signature));
    }

    /// <summary>The event name.</summary>
    public string Name { get; }

    /// <summary>The parameters, with their <see cref="AbiParameter.Indexed"/> flags.</summary>
    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>True for anonymous events, which have no signature topic.</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. <c>Transfer(address,address,uint256)</c>.</summary>
    public string Signature { get; }

    /// <summary>Topic 0: the Keccak-256 of <see cref="Signature"/>.</summary>
    public ReadOnlySpan<byte> Topic => _topic;

    /// <summary>Topic 0 as "0x" hex, for <c>eth_getLogs</c> filters.</summary>
    public string TopicHex => Hex.Encode(_topic);

    /// <summary>Parses <c>[event] Name(type [indexed] [name], …) [anonymous]</c>.</summary>
    /// <exception cref="FormatException">The declaration cannot be parsed.</exception>
    public static AbiEvent Parse(string declaration)
    {
        var parsed = AbiSignatureParser.ParseDeclaration(declaration, "event");
        return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Anonymous);
    }

    /// <summary>
    /// The topic for an indexed value of a static type (to filter logs by it): the value's 32-byte ABI word.
    /// Dynamic values are hashed: Keccak-256 of a string's UTF-8 bytes or of a bytes value.
    /// </summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            AbiTypeKind.String => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(value as string ?? throw new ArgumentException("Expected a string.", nameof(value)))),
            AbiTypeKind.Bytes => Sha3Keccack.Current.CalculateHash(value as byte[] ?? throw new ArgumentException("Expected bytes.", nameof(value))),
            _ when type.IsDynamic || type.Kind is AbiTypeKind.Array or AbiTypeKind.Tuple =>
                throw new NotSupportedException("Topics for indexed arrays and tuples are not supported."),
            _ => AbiEncoder.Encode(type, value),
        };
    }

    /// <summary>True when the log's first topic is this event's (always false for anonymous events).</summary>
    public bool Matches(IReadOnlyList<byte[]> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return !Anonymous && topics.Count > 0 && topics[0].AsSpan().SequenceEqual(_topic);
    }

    /// <summary>Decodes a log's topics and data.</summary>
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

        if (topics.Count != firstIndexedTopic + indexed.Length)
        {
            throw new FormatException($"{Signature} has {indexed.Length} indexed parameters but the log has {topics.Count - firstIndexedTopic} topics.");
        }

        var nonIndexed = Inputs.Where(p => !p.Indexed).Select(p => p.Type).ToArray();
        var dataValues = AbiDecoder.Decode(nonIndexed, data);
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
            if (topic.Length != 32)
            {
                throw new FormatException("A topic has 32 bytes.");
            }

            values[i] = parameter.Type.IsDynamic || parameter.Type.Kind is AbiTypeKind.Array or AbiTypeKind.Tuple
                ? topic.ToArray()
                : AbiDecoder.Decode(parameter.Type, topic);
        }

        return new DecodedEvent(this, values);
    }

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
