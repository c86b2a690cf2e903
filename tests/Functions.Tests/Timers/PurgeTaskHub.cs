using PaymentFunctions.Functions.Tests.Durable;

namespace PaymentFunctions.Functions.Tests.Timers;

/// <summary>A task hub of its own (the purge clears it), with the worker told to keep no history.</summary>
public sealed class PurgeTaskHub : FunctionsTaskHub
{
    protected override IDictionary<string, string?> FunctionSettings => new Dictionary<string, string?> { ["PurgeHistoryRetentionDays"] = "0" };
}
