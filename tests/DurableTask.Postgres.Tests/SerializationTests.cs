using DurableTask.Core;
using DurableTask.Core.History;
using PaymentFunctions.DurableTask.Postgres.Storage;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>Stored history events and messages come back as DTFx's own types with their data.</summary>
public sealed class SerializationTests
{
    public static TheoryData<HistoryEvent> Events() => [.. AllEvents()];

    private static HistoryEvent[] AllEvents() =>
    [
        new ExecutionStartedEvent(-1, "\"in\"") { Name = "N", Version = "1", OrchestrationInstance = new() { InstanceId = "i", ExecutionId = "e" }, Tags = new Dictionary<string, string> { ["k"] = "v" } },
        new TaskScheduledEvent(3) { Name = "A", Input = "1" },
        new TaskCompletedEvent(-1, 3, "\"r\""),
        new TaskFailedEvent(-1, 3, "why", null, new FailureDetails("E", "message", "stack", null, true)),
        new TimerFiredEvent(-1) { TimerId = 4, FireAt = new DateTime(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9) },
        new EventRaisedEvent(-1, "\"x\"") { Name = "approve" },
        new ExecutionRewoundEvent(-1, "fixed") { ParentExecutionId = "p" },
        new ExecutionSuspendedEvent(-1, "hold"),
        new ExecutionCompletedEvent(-1, "\"done\"", OrchestrationStatus.Failed, new FailureDetails("E", "m", null, null, false)),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void A_history_event_round_trips_with_its_type_and_data(HistoryEvent historyEvent)
    {
        var json = DurableJson.Serialize(historyEvent);

        var back = DurableJson.ToEvent(json);

        Assert.Equal(historyEvent.GetType(), back.GetType());
        Assert.Equal(historyEvent.EventType, back.EventType);
        Assert.Equal(historyEvent.Timestamp, back.Timestamp);
        Assert.Equal(json, DurableJson.Serialize(back));
    }

    [Fact]
    public void A_history_list_parses_as_the_client_returns_it()
    {
        var json = "[" + string.Join(",", AllEvents().Select(DurableJson.Serialize)) + "]";

        var events = PostgresOrchestrationService.ParseHistory(json);

        Assert.Equal(AllEvents().Select(e => e.GetType()), events.Select(e => e.GetType()));
        Assert.Equal("message", events.OfType<TaskFailedEvent>().Single().FailureDetails!.ErrorMessage);
    }
}
