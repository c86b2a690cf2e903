using System.Collections.Concurrent;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;

/// <summary>
/// Test probe: counts how often each step (instance id, task id) ran to the end, and optionally reports every
/// start and end as a line, which is how a worker in another process tells the test what it was doing when it died.
/// </summary>
internal sealed class ActivityJournal
{
    private readonly ConcurrentDictionary<string, int> finished = new(StringComparer.Ordinal);

    /// <summary>Receives "start {step}" and "end {step}" lines; null keeps them in memory only.</summary>
    public Action<string>? Lines { get; init; }

    /// <summary>How many times each step ran to the end, by <see cref="StepKey"/>.</summary>
    public IReadOnlyDictionary<string, int> Finished => this.finished;

    /// <summary>The key of one step: stable across redeliveries of the same step.</summary>
    public static string StepKey(string instanceId, int taskId) => $"{instanceId}#{taskId}";

    public void Start(TaskActivityContext context) => this.Lines?.Invoke($"start {StepKey(context.InstanceId, context.TaskId)}");

    public void End(TaskActivityContext context)
    {
        var key = StepKey(context.InstanceId, context.TaskId);
        this.finished.AddOrUpdate(key, 1, (_, count) => count + 1);
        this.Lines?.Invoke($"end {key}");
    }
}
