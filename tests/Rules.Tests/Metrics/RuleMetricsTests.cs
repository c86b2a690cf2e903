using System.Diagnostics.Metrics;
using PaymentFunctions.Rules.Metrics;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Tests.Metrics;

public sealed class RuleMetricsTests
{
    [Fact]
    public void Each_instrument_reports_with_its_tags()
    {
        var seen = new List<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuleMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.Start();
        using var metrics = new RuleMetrics();

        metrics.Ended(ExecutionStatus.Completed);
        metrics.Refused("daily_total_max");
        metrics.AwaitingApproval(1);
        metrics.FirstTransfer(TimeSpan.FromSeconds(2.5));
        metrics.Sent(12.5m, 51_000, new DateOnly(2027, 1, 2));

        Assert.Contains(("rules.executions", 1d, "status=Completed"), seen);
        Assert.Contains(("rules.refusals", 1d, "limit=daily_total_max"), seen);
        Assert.Contains(("rules.awaiting_approval", 1d, ""), seen);
        Assert.Contains(("rules.approval_to_first_transfer", 2.5d, ""), seen);
        Assert.Contains(("rules.volume", 12.5d, "day=2027-01-02"), seen);
        Assert.Contains(("rules.gas_spent", 51_000d, ""), seen);
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }
}
