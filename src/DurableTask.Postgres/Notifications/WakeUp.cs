namespace PaymentFunctions.DurableTask.Postgres.Notifications;

/// <summary>A reusable signal: a waiter takes the current task, and a signal completes it and starts a new one.</summary>
internal sealed class WakeUp
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Current => Volatile.Read(ref this.signal).Task;

    public void Signal() => Interlocked.Exchange(ref this.signal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
