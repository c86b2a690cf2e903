using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PaymentFunctions.App.Operations;

/// <summary>
/// The app's traces and metrics, under the one name <see cref="Name"/> that an OpenTelemetry pipeline (or
/// <c>dotnet-counters</c>) subscribes to.
/// </summary>
public sealed class PaymentFunctionsTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "PaymentFunctions";

    /// <summary>Spans for episodes, activities, HTTP starts and timer runs.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private long orchestrationQueueDepth;
    private long activityQueueDepth;

    /// <summary>Creates the instruments on a meter from the host's factory, so each host has its own.</summary>
    public PaymentFunctionsTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(Name);
        this.OrchestrationsStarted = meter.CreateCounter<long>("paymentfunctions.orchestrations.started", "{instance}", "Orchestration instances whose first episode ran.");
        this.OrchestrationsCompleted = meter.CreateCounter<long>("paymentfunctions.orchestrations.completed", "{instance}", "Orchestration instances that completed.");
        this.OrchestrationsFailed = meter.CreateCounter<long>("paymentfunctions.orchestrations.failed", "{instance}", "Orchestration instances that failed.");
        this.ActivityDuration = meter.CreateHistogram<double>("paymentfunctions.activity.duration", "s", "Running one activity, as the worker's dispatcher sees it.");
        this.EpisodeLatency = meter.CreateHistogram<double>("paymentfunctions.episode.latency", "s", "Running one orchestration episode (replay and new work), as the worker's dispatcher sees it.");
        meter.CreateObservableGauge(
            "paymentfunctions.queue.depth",
            () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref this.orchestrationQueueDepth), new KeyValuePair<string, object?>("queue", "orchestration")),
                new Measurement<long>(Interlocked.Read(ref this.activityQueueDepth), new KeyValuePair<string, object?>("queue", "activity")),
            },
            "{message}",
            "Visible messages waiting for orchestrations, and activity tasks waiting to run.");
    }

    internal Counter<long> OrchestrationsStarted { get; }

    internal Counter<long> OrchestrationsCompleted { get; }

    internal Counter<long> OrchestrationsFailed { get; }

    internal Histogram<double> ActivityDuration { get; }

    internal Histogram<double> EpisodeLatency { get; }

    internal void SetQueueDepth(long orchestrations, long activities)
    {
        Interlocked.Exchange(ref this.orchestrationQueueDepth, orchestrations);
        Interlocked.Exchange(ref this.activityQueueDepth, activities);
    }
}
