using PaymentFunctions.Functions.Tests.Durable;

namespace PaymentFunctions.Functions.Tests.Timers;

/// <summary>A task hub of its own (the purge clears it), with <c>PurgeHistoryRetentionDays</c> at 0 so any finished instance is old enough.</summary>
public sealed class PurgeTaskHub : FunctionsTaskHub
{
    protected override Task<IDictionary<string, string?>> StartFunctionSettingsAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?> { ["PurgeHistoryRetentionDays"] = "0" });
}
