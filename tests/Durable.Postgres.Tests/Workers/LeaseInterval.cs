namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

/// <summary>
/// A stretch of time (Stopwatch ticks) during which <paramref name="Worker"/> certainly held the lock on an
/// instance: from just after the store handed the work item out to just before the worker committed or abandoned it.
/// </summary>
internal sealed record LeaseInterval(string InstanceId, string Worker, long Start, long End);
