namespace PaymentFunctions.App.Payments.Automation;

/// <summary>One payment process as <c>GET /api/automation/status</c> shows it.</summary>
/// <param name="Process">The process name.</param>
/// <param name="Timer">The timer function that runs it.</param>
/// <param name="Schedule">Its NCRONTAB schedule.</param>
/// <param name="LastRun">The last scheduled occurrence run (by any instance).</param>
/// <param name="NextRun">The next scheduled occurrence.</param>
/// <param name="LastResult">The last run in this instance, scheduled or manual; null before the first.</param>
public sealed record AutomationStatus(string Process, string Timer, string? Schedule, DateTimeOffset? LastRun, DateTimeOffset? NextRun, AutomationRun? LastResult);
