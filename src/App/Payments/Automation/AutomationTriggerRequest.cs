namespace PaymentFunctions.App.Payments.Automation;

/// <summary>The body of <c>POST /api/automation/trigger</c>.</summary>
/// <param name="Process">One of <see cref="PaymentProcesses.All"/>.</param>
public sealed record AutomationTriggerRequest(string? Process);
