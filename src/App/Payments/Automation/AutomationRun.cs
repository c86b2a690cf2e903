namespace PaymentFunctions.App.Payments.Automation;

/// <summary>One finished run of a process, as the status and trigger endpoints report it.</summary>
/// <param name="Process">The process name.</param>
/// <param name="Trigger"><c>timer</c> or <c>manual</c>.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="FinishedAt">When it ended (UTC).</param>
/// <param name="Succeeded">False when it threw; <paramref name="Summary"/> then says why.</param>
/// <param name="Summary">The outcome's summary, or the failure.</param>
/// <param name="Counts">The outcome's counts (empty on failure).</param>
public sealed record AutomationRun(
    string Process,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Succeeded,
    string Summary,
    IReadOnlyDictionary<string, int> Counts);
