using System.Collections.Concurrent;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// Runs the payment processes for their timers and for operators, and keeps each one's last result in this
/// instance (the last and next scheduled runs are shared across instances by the timer runtime).
/// </summary>
public sealed partial class PaymentAutomation
{
    private readonly Dictionary<string, IPaymentProcess> processes;
    private readonly ConcurrentDictionary<string, AutomationRun> lastRuns = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly ILogger<PaymentAutomation> logger;

    /// <summary>Creates the runner over the registered processes.</summary>
    public PaymentAutomation(IEnumerable<IPaymentProcess> processes, TimeProvider time, ILogger<PaymentAutomation> logger)
    {
        ArgumentNullException.ThrowIfNull(processes);
        this.processes = processes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        this.time = time;
        this.logger = logger;
    }

    /// <summary>True when <paramref name="process"/> names a registered process.</summary>
    public bool Has(string? process) => process is not null && this.processes.ContainsKey(process);

    /// <summary>The last run of <paramref name="process"/> in this instance, or null.</summary>
    public AutomationRun? LastRun(string process) => this.lastRuns.GetValueOrDefault(process);

    /// <summary>
    /// Runs <paramref name="process"/> once and records the result. A failure is recorded and rethrown, so a timer
    /// run is logged as failed by the timer runtime and an operator sees it in the status.
    /// </summary>
    public async Task<AutomationRun> RunAsync(string process, string trigger, CancellationToken cancellationToken)
    {
        var runner = this.processes.TryGetValue(process, out var found)
            ? found
            : throw new ArgumentException($"No payment process named '{process}'.", nameof(process));
        var started = this.time.GetUtcNow();
        try
        {
            var outcome = await runner.RunAsync(cancellationToken);
            var run = new AutomationRun(process, trigger, started, this.time.GetUtcNow(), true, outcome.Summary, outcome.Counts);
            this.lastRuns[process] = run;
            LogRan(this.logger, process, trigger, outcome.Summary);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            this.lastRuns[process] = new AutomationRun(process, trigger, started, this.time.GetUtcNow(), false, $"failed: {ex.GetType().Name}", new Dictionary<string, int>());
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment process {Process} ({Trigger}): {Summary}")]
    private static partial void LogRan(ILogger logger, string process, string trigger, string summary);
}
