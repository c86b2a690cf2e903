namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>How timer runs are shared between app instances.</summary>
public sealed class TimerTriggerOptions
{
    /// <summary>
    /// How long a run's lease holds; an occurrence whose run did not finish may be taken over by another instance
    /// only after this. Keep it above the longest run.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
