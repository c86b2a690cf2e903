using System.Collections.Concurrent;

namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Process-local <see cref="IProcessedTransactionStore"/>.</summary>
public sealed class InMemoryProcessedTransactionStore : IProcessedTransactionStore
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<bool> TryMarkProcessedAsync(string transactionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_seen.TryAdd(transactionId, 0));
}
