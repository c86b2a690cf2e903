using PaymentFunctions.App.Triggers.Timer;

namespace PaymentFunctions.Functions.Timers;

/// <summary>
/// In Azure the Functions host records timer runs in its own storage (its schedule monitor), not in the self-hosted
/// app's lease table, so the automation status has no recorded runs to read here.
/// </summary>
internal sealed class NoTimerRecords : ITimerTriggerMonitor
{
    public Task<ScheduleStatus?> GetStatusAsync(string functionName, CancellationToken cancellationToken = default) =>
        Task.FromResult<ScheduleStatus?>(null);
}
