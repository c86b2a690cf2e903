using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PaymentFunctions.App.Operations;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>
/// The stuck-detection timer: non-terminal payments without progress for <see cref="PaymentsOptions.StuckAfter"/>
/// get a warning, a count on the <c>paymentfunctions.payments.stuck</c> counter and a
/// <see cref="TimelineEventKind.Stuck"/> entry, at most one per payment and hour. Flagging is not progress, so a
/// payment stays stuck until its orchestration moves it.
/// </summary>
public sealed partial class StuckDetection : IPaymentProcess
{
    private readonly PaymentStore store;
    private readonly IOptions<PaymentsOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<StuckDetection> logger;
    private readonly Counter<long> stuck;

    /// <summary>Creates the detector with its counter on the app's meter.</summary>
    public StuckDetection(PaymentStore store, IOptions<PaymentsOptions> options, TimeProvider time, IMeterFactory meters, ILogger<StuckDetection> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.store = store;
        this.options = options;
        this.time = time;
        this.logger = logger;
        this.stuck = meters.Create(PaymentFunctionsTelemetry.Name)
            .CreateCounter<long>("paymentfunctions.payments.stuck", "{payment}", "Payments found without progress for longer than Payments:StuckAfter.");
    }

    /// <inheritdoc />
    public string Name => PaymentProcesses.Stuck;

    /// <inheritdoc />
    public async Task<ProcessOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var stale = await this.store.ListStaleAsync(this.options.Value.StuckAfter, cancellationToken);
        var hour = this.time.GetUtcNow().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        var flagged = 0;
        foreach (var payment in stale)
        {
            LogStuck(this.logger, payment.Id, payment.Status, payment.UpdatedAt);
            this.stuck.Add(1, new KeyValuePair<string, object?>("status", payment.Status.ToString()));
            var recorded = await this.store.RecordObservationAsync(
                payment.Id,
                new TimelineEntry(
                    $"stuck:{hour}",
                    TimelineEventKind.Stuck,
                    new Dictionary<string, string>
                    {
                        [TimelineData.Until] = payment.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
                        [TimelineData.Status] = payment.Status.ToString(),
                    }),
                cancellationToken);
            flagged += recorded ? 1 : 0;
        }

        return new ProcessOutcome(
            $"{stale.Count} payments without progress for {this.options.Value.StuckAfter}",
            new Dictionary<string, int>(StringComparer.Ordinal) { ["stuck"] = stale.Count, ["flagged"] = flagged });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} is stuck in {Status}: no progress since {UpdatedAt:O}")]
    private static partial void LogStuck(ILogger logger, string paymentId, PaymentStatus status, DateTimeOffset updatedAt);
}
