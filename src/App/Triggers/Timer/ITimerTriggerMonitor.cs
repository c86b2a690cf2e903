namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>Reads the last and next runs of timer functions, as recorded across all app instances.</summary>
public interface ITimerTriggerMonitor
{
    /// <summary>The status of one timer; null before its first run.</summary>
    Task<ScheduleStatus?> GetStatusAsync(string functionName, CancellationToken cancellationToken = default);
}
