using System.Collections.Concurrent;

namespace PaymentFunctions.LocalStack.Postgres;

/// <summary>
/// Every cluster this process started and has not stopped yet. At process exit the survivors
/// are shut down, so an interrupted test run does not leave servers behind.
/// </summary>
internal static class ClusterRegistry
{
    private static readonly ConcurrentDictionary<ClusterHandle, byte> Live = new();

    static ClusterRegistry() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    public static void Add(ClusterHandle handle) => Live[handle] = 0;

    public static void Remove(ClusterHandle handle) => Live.TryRemove(handle, out _);

    /// <summary>
    /// Signals every server first and only then waits and deletes: a test host may be killed
    /// moments after its exit handlers start, and the signal is what matters.
    /// </summary>
    private static void StopAll()
    {
        var handles = Live.Keys.ToList();
        foreach (var handle in handles)
        {
            handle.SignalQuit();
        }

        foreach (var handle in handles)
        {
            handle.EmergencyStop();
            Live.TryRemove(handle, out _);
        }
    }
}
