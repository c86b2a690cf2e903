using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;

namespace PaymentFunctions.Ethereum.Contracts;

/// <summary>Decodes receipt and <c>eth_getLogs</c> entries into typed Nethereum event DTOs.</summary>
public static class LogEntryExtensions
{
    /// <summary>True when <paramref name="log"/> is a <typeparamref name="TEvent"/> event: its topic and as many topics as the event indexes.</summary>
    public static bool IsEvent<TEvent>(this LogEntry log)
        where TEvent : IEventDTO, new()
    {
        ArgumentNullException.ThrowIfNull(log);
        var abi = ABITypedRegistry.GetEvent<TEvent>();
        return log.Topics.Count == 1 + abi.NumberOfIndexes
            && string.Equals(Hex.Encode(log.Topics[0], prefix: false), abi.Sha3Signature, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The log decoded as <typeparamref name="TEvent"/>, or null when it is another event.</summary>
    public static TEvent? DecodeEvent<TEvent>(this LogEntry log)
        where TEvent : class, IEventDTO, new()
    {
        if (!log.IsEvent<TEvent>())
        {
            return null;
        }

        object[] topics = [.. log.Topics.Select(t => Hex.Encode(t))];
        return new EventTopicDecoder().DecodeTopics<TEvent>(topics, Hex.Encode(log.Data));
    }

    /// <summary>The <typeparamref name="TEvent"/> events among <paramref name="logs"/> emitted by <paramref name="emitter"/>.</summary>
    public static IEnumerable<TEvent> DecodeEvents<TEvent>(this IEnumerable<LogEntry> logs, Addresses.Address emitter)
        where TEvent : class, IEventDTO, new()
    {
        ArgumentNullException.ThrowIfNull(logs);
        return logs.Where(l => l.Address == emitter).Select(l => l.DecodeEvent<TEvent>()).OfType<TEvent>();
    }
}
