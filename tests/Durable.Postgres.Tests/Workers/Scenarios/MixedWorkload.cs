using System.Globalization;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;

/// <summary>
/// Orchestrations of every shape the engine supports, with outputs the test can predict from the input alone, so
/// a lost, duplicated or misrouted activity result shows up as a wrong output. Shared with the out-of-process
/// test worker, which compiles this file too.
/// </summary>
internal static class MixedWorkload
{
    public const string Square = "Square";
    public const string Sequence = "Sequence";
    public const string FanOut = "FanOut";
    public const string Timer = "Timer";
    public const string Parent = "Parent";
    public const string EventWait = "EventWait";
    public const string Chain = "Chain";
    public const string GoEvent = "Go";
    public const int ChainLength = 4;

    /// <summary>The shapes of the mixed run, chosen round-robin by input.</summary>
    public static readonly string[] Shapes = [Sequence, FanOut, Timer, Parent, EventWait];

    public static string ShapeOf(int n) => Shapes[n % Shapes.Length];

    /// <summary>The payload the test raises with <see cref="GoEvent"/>.</summary>
    public static int GoPayload(int n) => n + 100_000;

    /// <summary>Registers the activity and all orchestrators; <paramref name="activityDelay"/> makes activities slow.</summary>
    public static DurableTaskRegistry Register(DurableTaskRegistry registry, ActivityJournal journal, Func<int, TimeSpan> activityDelay)
    {
        registry.AddActivityFunc<int, long>(Square, async (context, x) =>
        {
            journal.Start(context);
            var delay = activityDelay(x);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            journal.End(context);
            return Compute(x);
        });

        registry.AddOrchestratorFunc<int, string>(Sequence, async (context, n) =>
        {
            var results = new List<long>();
            for (var i = 1; i <= 3; i++)
            {
                results.Add(await context.CallActivityAsync<long>(Square, (n * 10) + i));
            }

            return Join(results);
        });

        registry.AddOrchestratorFunc<int, string>(FanOut, async (context, n) =>
        {
            var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => context.CallActivityAsync<long>(Square, (n * 10) + i)));
            return Join(results);
        });

        registry.AddOrchestratorFunc<int, string>(Timer, async (context, n) =>
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            return Join([await context.CallActivityAsync<long>(Square, n)]);
        });

        registry.AddOrchestratorFunc<int, string>(Parent, async (context, n) =>
        {
            var child = await context.CallSubOrchestratorAsync<string>(Sequence, n);
            var own = await context.CallActivityAsync<long>(Square, n);
            return $"{child}/{own.ToString(CultureInfo.InvariantCulture)}";
        });

        registry.AddOrchestratorFunc<int, string>(EventWait, async (context, n) =>
        {
            var payload = await context.WaitForExternalEvent<int>(GoEvent);
            return Join([await context.CallActivityAsync<long>(Square, payload)]);
        });

        registry.AddOrchestratorFunc<int, string>(Chain, async (context, n) =>
        {
            var results = new List<long>();
            for (var i = 1; i <= ChainLength; i++)
            {
                results.Add(await context.CallActivityAsync<long>(Square, (n * 10) + i));
            }

            return Join(results);
        });

        return registry;
    }

    /// <summary>The output an orchestration of <paramref name="shape"/> with input <paramref name="n"/> must produce.</summary>
    public static string Expected(string shape, int n)
    {
        var sequence = Join(Enumerable.Range(1, 3).Select(i => Compute((n * 10) + i)));
        return shape switch
        {
            Sequence => sequence,
            FanOut => Join(Enumerable.Range(1, 5).Select(i => Compute((n * 10) + i))),
            Timer => Join([Compute(n)]),
            Parent => $"{sequence}/{Compute(n).ToString(CultureInfo.InvariantCulture)}",
            EventWait => Join([Compute(GoPayload(n))]),
            Chain => Join(Enumerable.Range(1, ChainLength).Select(i => Compute((n * 10) + i))),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Unknown shape."),
        };
    }

    /// <summary>The activity's result: distinct per input, so results cannot be swapped unnoticed.</summary>
    public static long Compute(int x) => ((long)x * x) + 7;

    private static string Join(IEnumerable<long> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
