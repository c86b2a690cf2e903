using System.Diagnostics;
using System.Threading.Channels;

namespace PaymentFunctions.Benchmarks.Durable.Workloads;

/// <summary>
/// Carries "the activity after the event has started" back to the benchmark loop, with the time since the
/// Stopwatch timestamp the event carried (same process, so the timestamps compare).
/// </summary>
internal sealed class LatencyProbe
{
    private readonly Channel<TimeSpan> arrivals = Channel.CreateUnbounded<TimeSpan>();

    public void Arrived(long stamp) => this.arrivals.Writer.TryWrite(Stopwatch.GetElapsedTime(stamp));

    public ValueTask<TimeSpan> NextAsync(CancellationToken cancellationToken) => this.arrivals.Reader.ReadAsync(cancellationToken);
}
