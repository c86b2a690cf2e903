namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>A timer function as the admin endpoint shows it; <c>Pending</c> is the occurrence this instance waits for.</summary>
public sealed record TimerStatusResponse(string Name, string Schedule, bool RunOnStartup, DateTimeOffset? Last, DateTimeOffset? Next, DateTimeOffset? LastUpdated, DateTimeOffset? Pending);
