using System.Text.Json.Nodes;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class CheckpointTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task A_checkpoint_with_a_stale_lock_token_commits_nothing()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        await store.CreateInstanceAsync(StoreScenario.StartMessage("other"), []);
        var item = await StoreScenario.CreateAndLockAsync(store, "stale");
        var stale = item with { LockToken = Guid.NewGuid().ToString("N") };
        var checkpoint = StoreScenario.Episode(
            stale,
            OrchestrationRuntimeStatus.Completed,
            activities: ["Work"],
            messages: [new("other", new EventRaisedEvent(StoreScenario.Start, "ping", null)), StoreScenario.StartMessage("child")]);

        Assert.False(await store.CompleteOrchestrationWorkItemAsync(stale, checkpoint));

        Assert.Empty(await store.GetHistoryAsync("stale"));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await store.GetInstanceAsync("stale", false))!.Status);
        Assert.Null(await store.GetInstanceAsync("child", false));
        Assert.Equal(0, await StoreScenario.CountAsync(stores.ConnectionString, "new_tasks", hub));
        Assert.Equal(0, await StoreScenario.CountAsync(stores.ConnectionString, "history", hub));
        // Only the two start messages are queued: nothing consumed, nothing sent.
        Assert.Equal(2, await StoreScenario.CountAsync(stores.ConnectionString, "new_events", hub));

        // The real holder still commits.
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item)));
    }

    [Fact]
    public async Task A_duplicate_history_insert_returns_false_and_commits_nothing()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        var item = await StoreScenario.CreateAndLockAsync(store, "duplicate");

        // Another worker's commit of this episode already wrote sequence number 0 of the execution.
        await StoreScenario.ExecuteAsync(
            stores.ConnectionString,
            "INSERT INTO durable.history (hub, instance_id, execution_id, sequence_number, event) VALUES (@hub, 'duplicate', @execution, 0, '{}')",
            ("hub", hub),
            ("execution", item.State!.ExecutionId));

        Assert.False(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["Work"])));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await store.GetInstanceAsync("duplicate", false))!.Status);
        Assert.Equal(0, await StoreScenario.CountAsync(stores.ConnectionString, "new_tasks", hub));
        Assert.Equal(1, await StoreScenario.CountAsync(stores.ConnectionString, "new_events", hub));
    }

    [Fact]
    public async Task A_checkpoint_appends_history_after_the_existing_events_and_consumes_only_its_messages()
    {
        var store = stores.CreateStore();
        var first = await StoreScenario.CreateAndLockAsync(store, "appends");
        var firstCheckpoint = StoreScenario.Episode(first, activities: ["Work"]);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(first, firstCheckpoint));

        var task = Assert.Single(await store.LockActivityWorkItemsAsync(10));
        Assert.True(await store.CompleteActivityWorkItemAsync(task, new TaskCompletedEvent(StoreScenario.Start, 0, "42")));
        Assert.True(await store.SendMessageAsync(new("appends", new EventRaisedEvent(StoreScenario.Start, "late", "1"))));

        var second = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal(firstCheckpoint.NewHistory.Count, second.History.Count);
        Assert.Equal([typeof(TaskCompletedEvent), typeof(EventRaisedEvent)], second.Messages.Select(m => m.Event.GetType()));
        Assert.Equal(first.State!.ExecutionId, second.Messages[0].TargetExecutionId);

        // Only the first message is consumed; the other stays queued for the next episode.
        var consumeOne = second with { Messages = [second.Messages[0]] };
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(consumeOne, StoreScenario.Episode(consumeOne)));
        var history = await store.GetHistoryAsync("appends");
        Assert.Equal(firstCheckpoint.NewHistory.Count + 3, history.Count);
        Assert.IsType<TaskCompletedEvent>(history[firstCheckpoint.NewHistory.Count + 1]);

        var third = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.IsType<EventRaisedEvent>(Assert.Single(third.Messages).Event);
    }

    [Fact]
    public async Task Replacing_history_drops_the_old_execution_and_a_start_to_itself_is_queued()
    {
        var store = stores.CreateStore();
        var item = await StoreScenario.CreateAndLockAsync(store, "continued");
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item)));
        Assert.True(await store.SendMessageAsync(new("continued", new EventRaisedEvent(StoreScenario.Start, "go", null))));
        var second = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));

        var next = StoreScenario.StartMessage("continued", at: StoreScenario.Start.AddMinutes(1));
        var nextExecution = ((ExecutionStartedEvent)next.Event).ExecutionId;
        var continueAsNew = new OrchestrationCheckpoint([], true, second.State! with { ExecutionId = nextExecution }, [], [next]);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(second, continueAsNew));

        Assert.Empty(await store.GetHistoryAsync("continued"));
        var third = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Empty(third.History);
        Assert.Equal(nextExecution, ((ExecutionStartedEvent)Assert.Single(third.Messages).Event).ExecutionId);
        Assert.Equal(nextExecution, third.State!.ExecutionId);
    }

    [Fact]
    public async Task A_start_message_to_another_instance_creates_it_replacing_a_finished_one_and_messages_to_unknown_instances_are_dropped()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        var old = await StoreScenario.CreateAndLockAsync(store, "child");
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(old, StoreScenario.Episode(old, OrchestrationRuntimeStatus.Completed)));

        var parent = await StoreScenario.CreateAndLockAsync(store, "parent");
        var childStart = StoreScenario.StartMessage("child", "Child");
        var checkpoint = StoreScenario.Episode(
            parent,
            messages: [childStart, new("child", new EventRaisedEvent(StoreScenario.Start, "hello", null)), new("nobody", new EventRaisedEvent(StoreScenario.Start, "lost", null))]);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(parent, checkpoint));

        var child = (await store.GetInstanceAsync("child", true))!;
        Assert.Equal(OrchestrationRuntimeStatus.Pending, child.Status);
        Assert.Equal("Child", child.Name);
        Assert.Empty(await store.GetHistoryAsync("child"));
        Assert.Null(await store.GetInstanceAsync("nobody", false));

        var item = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal("child", item.InstanceId);
        Assert.Equal([typeof(ExecutionStartedEvent), typeof(EventRaisedEvent)], item.Messages.Select(m => m.Event.GetType()));
        Assert.Equal(2, await StoreScenario.CountAsync(stores.ConnectionString, "new_events", hub));
    }

    [Fact]
    public async Task A_sub_orchestration_start_to_an_unfinished_instance_fails_in_the_parent_and_leaves_the_instance_alone()
    {
        var store = stores.CreateStore();
        var busy = await StoreScenario.CreateAndLockAsync(store, "busy");
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(busy, StoreScenario.Episode(busy)));
        var busyExecution = busy.State!.ExecutionId;

        var parent = await StoreScenario.CreateAndLockAsync(store, "parent");
        var parentExecution = parent.State!.ExecutionId;
        var start = new OrchestrationMessage(
            "busy",
            new ExecutionStartedEvent(StoreScenario.Start, "Child", null, null, "new-execution", new ParentInstanceInfo("Parent", "parent", parentExecution, 7)));
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(parent, StoreScenario.Episode(parent, messages: [start])));

        var untouched = (await store.GetInstanceAsync("busy", false))!;
        Assert.Equal(OrchestrationRuntimeStatus.Running, untouched.Status);
        Assert.Equal(busyExecution, untouched.ExecutionId);
        var item = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal("parent", item.InstanceId);
        var message = Assert.Single(item.Messages);
        Assert.Equal(parentExecution, message.TargetExecutionId);
        var failed = Assert.IsType<SubOrchestrationInstanceFailedEvent>(message.Event);
        Assert.Equal(7, failed.TaskScheduledId);
        Assert.Contains("'busy' is already running", failed.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task Timers_stay_invisible_until_due_and_a_pending_instance_waits_for_its_start()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var store = stores.CreateStore(clock);
        var later = StoreScenario.StartMessage("scheduled") with { VisibleAt = StoreScenario.Start.AddMinutes(5) };
        await store.CreateInstanceAsync(later, []);
        Assert.True(await store.SendMessageAsync(new("scheduled", new EventRaisedEvent(StoreScenario.Start, "early", null))));

        // A Pending instance with only an ordinary message visible is not handed out.
        Assert.Empty(await store.LockOrchestrationWorkItemsAsync(10));

        clock.Advance(TimeSpan.FromMinutes(5));
        var item = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal([typeof(ExecutionStartedEvent), typeof(EventRaisedEvent)], item.Messages.Select(m => m.Event.GetType()));
        Assert.Equal(StoreScenario.Start.AddMinutes(5), item.Messages[0].VisibleAt);
        Assert.Null(item.Messages[1].VisibleAt);
    }

    [Fact]
    public async Task Every_history_event_type_survives_the_round_trip_through_jsonb()
    {
        var store = stores.CreateStore();
        var item = await StoreScenario.CreateAndLockAsync(store, "all-events");
        var t = StoreScenario.Start;
        var failure = new TaskFailureDetails("System.InvalidOperationException", "boom", "at X", new("Inner", "inner"));
        var tags = new Dictionary<string, string> { ["zeta"] = "1", ["a"] = "2" };
        HistoryEvent[] events =
        [
            new ExecutionStartedEvent(t, "Name", "v1", "\"in\"", "exec", new ParentInstanceInfo("P", "p-1", "pe", 3), tags, t.AddDays(1), 2),
            new ExecutionCompletedEvent(t, OrchestrationRuntimeStatus.Completed, "\"out\""),
            new ExecutionFailedEvent(t, failure),
            new ExecutionTerminatedEvent(t, "\"why\"", true),
            new TaskScheduledEvent(1, t, "Act", "v2", "{\"a\":1}", 7, tags),
            new TaskCompletedEvent(t, 1, "[1,2]"),
            new TaskFailedEvent(t, 1, failure),
            new SubOrchestrationInstanceCreatedEvent(2, t, "Sub", null, "sub-1", null),
            new SubOrchestrationInstanceCompletedEvent(t, 2, "null"),
            new SubOrchestrationInstanceFailedEvent(t, 2, failure),
            new TimerCreatedEvent(3, t, t.AddHours(1)),
            new TimerFiredEvent(t.AddHours(1), 3, t.AddHours(1)),
            new OrchestratorStartedEvent(t),
            new OrchestratorCompletedEvent(t),
            new EventSentEvent(4, t, "other", "evt", "\"x\""),
            new EventRaisedEvent(t, "evt", null),
            new ContinueAsNewEvent(t, "\"again\""),
            new ExecutionSuspendedEvent(t, "pause"),
            new ExecutionResumedEvent(t, null),
            new ExecutionRewoundEvent(t, "retry"),
        ];
        var checkpoint = new OrchestrationCheckpoint(events, false, item.State! with { FailureDetails = failure, Tags = tags }, [], []);
        Assert.True(await store.CompleteOrchestrationWorkItemAsync(item, checkpoint));

        var history = await store.GetHistoryAsync("all-events");
        Assert.Equal(events.Length, history.Count);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].GetType(), history[i].GetType());
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(EventSerializer.Serialize(events[i])), JsonNode.Parse(EventSerializer.Serialize(history[i]))),
                $"{events[i].EventType} changed on the way through the database.");
        }

        var state = (await store.GetInstanceAsync("all-events", true))!;
        Assert.Equal(failure, state.FailureDetails);
        Assert.Equal(tags, state.Tags);
    }
}
