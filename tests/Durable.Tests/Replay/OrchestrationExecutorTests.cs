using Microsoft.Extensions.Logging.Abstractions;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Replay;
using PaymentFunctions.Durable.Worker;

namespace PaymentFunctions.Durable.Tests.Replay;

public sealed class OrchestrationExecutorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    // A recorded history of "Sequence": A ran and returned 1, B was scheduled.
    private static readonly HistoryEvent[] Recorded =
    [
        new OrchestratorStartedEvent(T0),
        new ExecutionStartedEvent(T0, "Sequence", null, "\"in\"", "exec-1"),
        new TaskScheduledEvent(0, T0, "A", null, "\"in\"", 0),
        new OrchestratorCompletedEvent(T0),
        new OrchestratorStartedEvent(T0.AddSeconds(1)),
        new TaskCompletedEvent(T0.AddSeconds(1), 0, "1"),
        new TaskScheduledEvent(1, T0.AddSeconds(1), "B", null, "1", 1),
        new OrchestratorCompletedEvent(T0.AddSeconds(1)),
    ];

    [Fact]
    public void Recorded_history_replays_to_the_same_actions_and_produces_no_new_ones()
    {
        var result = Run(new Sequence(), Recorded, []);

        Assert.Empty(result.NewActions);
        Assert.Null(result.Outcome);
    }

    [Fact]
    public void New_result_after_replay_produces_exactly_the_next_action()
    {
        var result = Run(new Sequence(), Recorded, [new OrchestratorStartedEvent(T0.AddSeconds(2)), new TaskCompletedEvent(T0.AddSeconds(2), 1, "2")]);

        var action = Assert.IsType<ScheduleTaskAction>(Assert.Single(result.NewActions));
        Assert.Equal(("C", 2, "3"), (action.Name, action.Id, action.Input));
    }

    [Fact]
    public void Orchestrator_edited_after_start_fails_with_a_non_determinism_error_naming_both_actions()
    {
        var result = Run(new Sequence(firstActivity: "Renamed"), Recorded, []);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Outcome?.Status);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.Outcome?.FailureDetails?.ErrorType);
        Assert.Contains("TaskScheduled 'A'", result.Outcome?.FailureDetails?.ErrorMessage);
        Assert.Contains("TaskScheduled 'Renamed'", result.Outcome?.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public void Orchestrator_that_drops_a_recorded_action_fails_with_a_non_determinism_error()
    {
        var result = Run(new Sequence(skipFirst: true), Recorded, []);

        Assert.Contains("at sequence id 0", result.Outcome?.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public void Is_replaying_is_true_for_recorded_events_and_false_for_new_ones()
    {
        var orchestrator = new Sequence();
        Run(orchestrator, Recorded, [new OrchestratorStartedEvent(T0.AddSeconds(2)), new TaskCompletedEvent(T0.AddSeconds(2), 1, "2")]);

        Assert.Equal([true, true, false], orchestrator.ReplayingAtEachStep);
    }

    [Fact]
    public void Current_time_is_the_start_of_the_episode_that_delivered_the_result()
    {
        var orchestrator = new Sequence();
        Run(orchestrator, Recorded, [new OrchestratorStartedEvent(T0.AddSeconds(2)), new TaskCompletedEvent(T0.AddSeconds(2), 1, "2")]);

        Assert.Equal([T0.UtcDateTime, T0.AddSeconds(1).UtcDateTime, T0.AddSeconds(2).UtcDateTime], orchestrator.TimeAtEachStep);
    }

    [Fact]
    public void New_guid_is_the_same_on_every_replay_and_different_for_each_call()
    {
        var first = new GuidMaker();
        var second = new GuidMaker();
        HistoryEvent[] start = [new OrchestratorStartedEvent(T0), new ExecutionStartedEvent(T0, "Guids", null, null, "exec-1")];

        var a = Run(first, start, []);
        var b = Run(second, [], start);

        Assert.Equal(Completed(a), Completed(b));
        Assert.Equal(2, first.Guids.Distinct().Count());
        Assert.All(first.Guids, g => Assert.Equal(5, g.Version));
    }

    [Fact]
    public void Name_based_guid_matches_the_rfc_4122_version_5_vector()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedGuid.Create(dns, "www.example.com"));
    }

    private static string? Completed(EpisodeResult result) => result.Outcome?.Output;

    private static EpisodeResult Run(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> added)
        => OrchestrationExecutor.Execute("instance-1", orchestrator, past, added, JsonDataConverter.Default, NullLoggerFactory.Instance);

    private sealed class Sequence(string firstActivity = "A", bool skipFirst = false) : TaskOrchestrator<string, int>
    {
        public List<bool> ReplayingAtEachStep { get; } = [];

        public List<DateTime> TimeAtEachStep { get; } = [];

        public override async Task<int> RunAsync(TaskOrchestrationContext context, string input)
        {
            this.Record(context);
            var a = skipFirst ? 1 : await context.CallActivityAsync<int>(firstActivity, input);
            this.Record(context);
            var b = await context.CallActivityAsync<int>("B", a);
            this.Record(context);
            return await context.CallActivityAsync<int>("C", a + b);
        }

        private void Record(TaskOrchestrationContext context)
        {
            this.ReplayingAtEachStep.Add(context.IsReplaying);
            this.TimeAtEachStep.Add(context.CurrentUtcDateTime);
        }
    }

    private sealed class GuidMaker : TaskOrchestrator<object?, string>
    {
        public List<Guid> Guids { get; } = [];

        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        {
            this.Guids.AddRange([context.NewGuid(), context.NewGuid()]);
            return Task.FromResult(string.Join(",", this.Guids));
        }
    }
}
