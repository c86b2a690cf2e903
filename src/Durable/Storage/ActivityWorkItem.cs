namespace PaymentFunctions.Durable.Storage;

/// <summary>An activity locked by a worker under a lease.</summary>
/// <param name="Id">The store's id for the task.</param>
/// <param name="DequeueCount">How many times the task has been handed out; grows when workers crash.</param>
/// <param name="LockToken">The store's proof of this lease.</param>
public sealed record ActivityWorkItem(long Id, ActivityRequest Request, int DequeueCount, string LockToken);
