using System.Collections.Concurrent;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>A scoped service that records its disposal, to prove each activity runs in its own DI scope.</summary>
public sealed class ScopedProbe : IDisposable
{
    private static readonly ConcurrentDictionary<Guid, bool> Disposed = new();

    public Guid Id { get; } = Guid.NewGuid();

    public ScopedProbe() => Disposed[this.Id] = false;

    public static bool WasDisposed(Guid id) => Disposed.TryGetValue(id, out var disposed) && disposed;

    public void Dispose() => Disposed[this.Id] = true;
}
