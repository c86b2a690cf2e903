using System.Diagnostics;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Demo;
using PaymentFunctions.Demo.Api;

namespace PaymentFunctions.Payments.Benchmarks;

/// <summary>
/// A batch of payments without custody through the whole lifecycle: created over HTTP, all deposited, detected by
/// one trigger, then timed from each payment's deposit match to its payout settled (the app's own timeline times).
/// </summary>
internal static class LifecycleBenchmark
{
    private const decimal Amount = 1500.00m;
    private const int CreateConcurrency = 4;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(15);

    /// <summary>
    /// One payment through the lifecycle first, so JIT compilation and cold pools are not measured; its own
    /// deposit → payout time (null unless it completed) is the floor a lone payment sees.
    /// </summary>
    public static async Task<TimeSpan?> WarmUpAsync(LocalRun run, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var payments = await CreateAndDepositAsync(run, 1, cancellationToken).ConfigureAwait(false);
        await run.Api.TriggerAsync("deposits", cancellationToken).ConfigureAwait(false);
        var done = (await WaitForAllAsync(run, payments, progress, cancellationToken).ConfigureAwait(false))[0];
        progress.Report($"warm-up payment {done.Status}");
        return DepositToPayout(done);
    }

    public static async Task<LifecycleResult> RunAsync(LocalRun run, int count, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var creating = Stopwatch.StartNew();
        var payments = await CreateAndDepositAsync(run, count, cancellationToken).ConfigureAwait(false);
        progress.Report($"{count} payments created and deposited in {creating.Elapsed.TotalSeconds:0.0} s");

        var cpu = new CpuMeter(run.App.ProcessId);
        var clock = Stopwatch.StartNew();
        cpu.Start();
        var triggeredAt = DateTimeOffset.UtcNow;
        var detection = await run.Api.TriggerAsync("deposits", cancellationToken).ConfigureAwait(false);
        progress.Report($"deposit detection: {detection.Summary}");
        var finished = await WaitForAllAsync(run, payments, progress, cancellationToken).ConfigureAwait(false);
        var cpuUse = cpu.Stop(clock.Elapsed);

        var latencies = finished.Select(DepositToPayout).OfType<TimeSpan>().ToList();

        // The batch ends when its last payment came to rest, however it ended.
        var lastEnd = finished.SelectMany(p => p.Timeline ?? []).Select(e => e.OccurredAt).Append(triggeredAt).Max();

        latencies.Sort();
        return new LifecycleResult(
            count,
            latencies.Count,
            finished.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            lastEnd - triggeredAt,
            latencies,
            Gaps(finished),
            cpuUse);
    }

    private static DateTimeOffset? End(PaymentSnapshot payment) => payment.FirstAt("PayoutSettled") ?? payment.FirstAt("Completed");

    /// <summary>DepositMatched → PayoutSettled (or Completed) of a completed payment, by the app's timeline times.</summary>
    private static TimeSpan? DepositToPayout(PaymentSnapshot payment) =>
        payment.Status == "Completed" && payment.FirstAt("DepositMatched") is { } matched && End(payment) is { } end ? end - matched : null;

    private static async Task<List<PaymentSnapshot>> CreateAndDepositAsync(LocalRun run, int count, CancellationToken cancellationToken)
    {
        var created = new PaymentSnapshot[count];
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = CreateConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            created[i] = (await run.Api.CreateAsync(DemoParties.Payment(Amount, now, custody: null), ct).ConfigureAwait(false)).Payment).ConfigureAwait(false);
        foreach (var payment in created)
        {
            run.Stack.Juno.SimulateSpeiDeposit(Clabe.Parse(payment.DepositClabe), Mxn.Of(payment.Amount), DemoParties.BuyerName);
        }

        return [.. created];
    }

    /// <summary>Polls the list (cheap: no timelines) until every payment is terminal, then reads each one's timeline.</summary>
    private static async Task<List<PaymentSnapshot>> WaitForAllAsync(LocalRun run, List<PaymentSnapshot> payments, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var ids = payments.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(BatchTimeout);
        var reported = -1;
        while (true)
        {
            var listed = await run.Api.ListAsync(null, Math.Max(ids.Count, 50), deadline.Token).ConfigureAwait(false);
            var terminal = listed.Count(p => ids.Contains(p.Id) && p.IsAtRest);
            if (terminal / 10 != reported / 10 || terminal == ids.Count)
            {
                progress.Report($"{terminal}/{ids.Count} finished");
                reported = terminal;
            }

            if (terminal == ids.Count)
            {
                break;
            }

            await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
        }

        var finished = new List<PaymentSnapshot>(payments.Count);
        foreach (var payment in payments)
        {
            finished.Add(await run.Api.GetAsync(payment.Id, cancellationToken).ConfigureAwait(false));
        }

        return finished;
    }

    /// <summary>Median and p99 time between consecutive timeline entries, by transition, in the order they first occur.</summary>
    private static List<StepGap> Gaps(List<PaymentSnapshot> payments)
    {
        var gaps = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var timeline in payments.Select(p => p.Timeline ?? []))
        {
            for (var i = 1; i < timeline.Count; i++)
            {
                var transition = $"{timeline[i - 1].Kind} → {timeline[i].Kind}";
                if (!gaps.TryGetValue(transition, out var list))
                {
                    gaps[transition] = list = [];
                    order.Add(transition);
                }

                list.Add(timeline[i].OccurredAt - timeline[i - 1].OccurredAt);
            }
        }

        return [.. order.Select(t =>
        {
            var sorted = gaps[t].Order().ToList();
            return new StepGap(t, Durations.Percentile(sorted, 50), Durations.Percentile(sorted, 99));
        })];
    }
}
