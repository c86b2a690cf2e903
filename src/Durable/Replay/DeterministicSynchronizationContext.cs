namespace PaymentFunctions.Durable.Replay;

/// <summary>
/// Runs orchestrator continuations one at a time, in the order they were posted, on the thread that pumps:
/// the single-threaded scheduler that makes replays repeat exactly.
/// </summary>
internal sealed class DeterministicSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (this.queue)
        {
            this.queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state)
        => throw new NotSupportedException("Orchestrator code cannot block on its synchronization context.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations until none are left.</summary>
    public void Pump()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (this.queue)
            {
                if (!this.queue.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}
