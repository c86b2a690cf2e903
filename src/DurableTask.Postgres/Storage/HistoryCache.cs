using Microsoft.Extensions.Caching.Memory;

namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>
/// The serialized history of instances this worker checkpointed, so the next episode of an instance need not read its
/// whole history back from the database. An entry is only used when the database still holds exactly that history:
/// the same execution and the same number of events (history only grows within an execution), so an episode another
/// worker committed meanwhile, a restart or a purge makes it a miss. Bounded by the characters it holds.
/// </summary>
internal sealed class HistoryCache : IDisposable
{
    private readonly MemoryCache cache;

    public HistoryCache(long sizeLimitInCharacters) =>
        this.cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitInCharacters, CompactionPercentage = 0.25 });

    /// <summary>The history of <paramref name="instanceId"/> if the cached copy matches the stored one, else null.</summary>
    public string[]? TryGet(string instanceId, string executionId, int eventCount) =>
        this.cache.TryGetValue(instanceId, out Entry? entry) && entry!.ExecutionId == executionId && entry.Events.Length == eventCount
            ? entry.Events
            : null;

    /// <summary>Remembers the history an episode just committed.</summary>
    public void Set(string instanceId, string executionId, string[] events)
    {
        long size = 64;
        foreach (var e in events)
        {
            size += e.Length + 16;
        }

        this.cache.Set(instanceId, new Entry(executionId, events), new MemoryCacheEntryOptions { Size = size });
    }

    public void Remove(string instanceId) => this.cache.Remove(instanceId);

    public void Dispose() => this.cache.Dispose();

    private sealed record Entry(string ExecutionId, string[] Events);
}
