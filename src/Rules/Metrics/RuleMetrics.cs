using System.Diagnostics.Metrics;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Metrics;

/// <summary>
/// The rules' meter (<see cref="MeterName"/>): executions by outcome (the success rate is completed over all), time
/// from approval to the first transfer sent, executions waiting for approval (queue depth), MXNB sent (daily volume
/// by the <c>day</c> tag), gas spent, and refusals by limit.
/// </summary>
public sealed class RuleMetrics : IDisposable
{
    public const string MeterName = "PaymentFunctions.Rules";

    private readonly Meter meter;
    private readonly Counter<long> executions;
    private readonly Histogram<double> approvalToFirstTransfer;
    private readonly UpDownCounter<long> awaitingApproval;
    private readonly Counter<double> volume;
    private readonly Counter<long> gas;
    private readonly Counter<long> refusals;

    public RuleMetrics(IMeterFactory? factory = null)
    {
        this.meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        this.executions = this.meter.CreateCounter<long>("rules.executions", description: "Rule executions ended, by status; the success rate is status=Completed over all.");
        this.approvalToFirstTransfer = this.meter.CreateHistogram<double>("rules.approval_to_first_transfer", "s", "From the last approval to the first transfer sent, at its confirmation depth.");
        this.awaitingApproval = this.meter.CreateUpDownCounter<long>("rules.awaiting_approval", description: "Executions waiting for approval (queue depth).");
        this.volume = this.meter.CreateCounter<double>("rules.volume", "MXNB", "Tokens sent by rules, tagged by UTC day.");
        this.gas = this.meter.CreateCounter<long>("rules.gas_spent", "gas", "Gas used by rule transfers.");
        this.refusals = this.meter.CreateCounter<long>("rules.refusals", description: "Executions refused, by the limit or layer that refused them.");
    }

    public void Ended(ExecutionStatus status) => this.executions.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public void Refused(string limit) => this.refusals.Add(1, new KeyValuePair<string, object?>("limit", limit));

    public void AwaitingApproval(int delta) => this.awaitingApproval.Add(delta);

    public void FirstTransfer(TimeSpan sinceApproval) => this.approvalToFirstTransfer.Record(sinceApproval.TotalSeconds);

    public void Sent(decimal tokens, long gasUsed, DateOnly day)
    {
        this.volume.Add((double)tokens, new KeyValuePair<string, object?>("day", day.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        this.gas.Add(gasUsed);
    }

    public void Dispose() => this.meter.Dispose();
}
