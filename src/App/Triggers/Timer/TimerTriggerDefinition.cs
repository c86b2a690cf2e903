namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>A declared timer function; the schedule may be a <c>%Setting%</c> reference resolved at start-up.</summary>
internal sealed record TimerTriggerDefinition(
    string Name,
    string Schedule,
    Func<TimerTriggerContext, CancellationToken, Task> Handler,
    bool RunOnStartup,
    bool UseMonitor);
