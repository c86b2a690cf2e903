namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>A timer function as the admin endpoint shows it.</summary>
public sealed record TimerStatusResponse(string Name, string Schedule, bool RunOnStartup, DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset? LastUpdated);
