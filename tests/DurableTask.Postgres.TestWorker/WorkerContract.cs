namespace PaymentFunctions.DurableTask.Postgres.TestWorker;

/// <summary>
/// What the test worker and the tests that run it agree on: the names registered, the inputs, the lines printed and
/// the journal tables. The tests compile this file too (linked), so both sides use the same constants.
/// </summary>
internal static class WorkerContract
{
    /// <summary>The orchestration: runs <see cref="SequenceInput.Steps"/> activities one after the other.</summary>
    public const string SequenceName = "Sequence";

    /// <summary>The activity: records its run in the journal, sleeps when asked, and returns <see cref="StepResult"/>.</summary>
    public const string StepName = "Step";

    /// <summary>Printed on standard output once the worker is polling.</summary>
    public const string ReadyLine = "ready";

    /// <summary>Printed on standard output after a graceful stop (SIGTERM, SIGINT or closed standard input).</summary>
    public const string StoppedLine = "stopped";

    /// <summary>Environment fallbacks for the two positional arguments.</summary>
    public const string ConnectionStringVariable = "DURABLETASK_TEST_WORKER_CONNECTION";

    public const string HubVariable = "DURABLETASK_TEST_WORKER_HUB";

    /// <summary>The journal tables, keyed by hub like the provider's; created by whichever side comes first.</summary>
    public const string CreateJournalSql = """
        SELECT pg_advisory_xact_lock(hashtext('test_worker_journal'));
        CREATE SCHEMA IF NOT EXISTS test_worker;
        CREATE TABLE IF NOT EXISTS test_worker.steps (
            id           bigserial   PRIMARY KEY,
            hub          text        NOT NULL,
            instance_id  text        NOT NULL,
            step         integer     NOT NULL,
            pid          integer     NOT NULL,
            started_at   timestamptz NOT NULL,
            finished_at  timestamptz);
        CREATE INDEX IF NOT EXISTS steps_hub ON test_worker.steps (hub, instance_id);
        CREATE TABLE IF NOT EXISTS test_worker.episodes (
            id           bigserial   PRIMARY KEY,
            hub          text        NOT NULL,
            instance_id  text        NOT NULL,
            pid          integer     NOT NULL,
            started_at   timestamptz NOT NULL,
            finished_at  timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS episodes_hub ON test_worker.episodes (hub, instance_id);
        """;

    /// <summary>What step <paramref name="step"/> of <paramref name="instanceId"/> returns.</summary>
    public static string StepResult(string instanceId, int step) => $"{instanceId}/{step}";

    /// <summary>What a completed <see cref="SequenceName"/> orchestration returns: every step's result, in order.</summary>
    public static string SequenceOutput(string instanceId, int steps) =>
        string.Join(',', Enumerable.Range(0, steps).Select(step => StepResult(instanceId, step)));
}

/// <summary>The input of <see cref="WorkerContract.SequenceName"/>.</summary>
internal sealed class SequenceInput
{
    public int Steps { get; init; }

    /// <summary>The step that sleeps (-1 for none), so a kill can land while an activity runs.</summary>
    public int SleepingStep { get; init; } = -1;

    public int SleepMilliseconds { get; init; }
}

/// <summary>The input of <see cref="WorkerContract.StepName"/>.</summary>
internal sealed class StepInput
{
    public int Step { get; init; }

    public int SleepMilliseconds { get; init; }
}
