using PaymentFunctions.Payments.Lifecycle;

namespace PaymentFunctions.App.Payments;

/// <summary>The <c>Payments</c> settings: approval rules, automation schedules and the lifecycle's retry policy.</summary>
public sealed class PaymentsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Payments";

    /// <summary>Payments above this many MXN need two different approvers before release (four-eyes rule).</summary>
    public decimal DoubleApprovalThresholdMxn { get; set; } = 100_000m;

    /// <summary>
    /// The largest amount one payment may carry, in MXN; above it creation answers 400 naming the limit. The default
    /// is the platform's single-payment maximum (its safety constraints), and keeps amounts far inside the database's
    /// numeric column.
    /// </summary>
    public decimal MaxAmountMxn { get; set; } = 1_000_000m;

    /// <summary>The largest request body the payment endpoints read, in bytes; larger bodies answer 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Approver name → key. An approval carries its key in <c>x-approver-key</c>; the matching name is recorded as
    /// the approver, so one person cannot approve twice under two names without two keys.
    /// </summary>
    public Dictionary<string, string> Approvers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A non-terminal payment without progress for this long is reported as stuck.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Deposit detection: match Juno ISSUANCE transactions to payments awaiting a deposit.</summary>
    public string DepositDetectionSchedule { get; set; } = "0 * * * * *";

    /// <summary>Custody report: payments whose custody ended but that are not released yet.</summary>
    public string CustodyReportSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>Chain sync: compare active escrows on chain with the database.</summary>
    public string ChainSyncSchedule { get; set; } = "0 0 * * * *";

    /// <summary>Stuck detection: flag payments without progress for <see cref="StuckAfter"/>.</summary>
    public string StuckDetectionSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>
    /// The shared secret Juno's webhook callback URL carries (query <c>secret</c> or header <c>x-juno-webhook-secret</c>),
    /// at least 16 characters; without it the webhook endpoint is closed. Never logged.
    /// </summary>
    public string? JunoWebhookSecret { get; set; }

    /// <summary>Retries and polling of the payment lifecycle, fixed into each payment's orchestration input at creation.</summary>
    public LifecyclePolicy Lifecycle { get; set; } = new();

    /// <summary>Describes the settings without approver keys or the webhook secret.</summary>
    public override string ToString() =>
        $"Payments {{ MaxAmountMxn = {MaxAmountMxn}, DoubleApprovalThresholdMxn = {DoubleApprovalThresholdMxn}, Approvers = [{string.Join(", ", Approvers.Keys)}], StuckAfter = {StuckAfter} }}";
}
