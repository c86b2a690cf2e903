using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.DurableTask.Hosting.Tests.Backends;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

/// <summary>
/// What every backend must do the same way: the suite runs once per backend, so an orchestrator behaves
/// identically on PostgreSQL and on Azure Storage.
/// </summary>
public abstract class ConformanceTests(BackendHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private DurableTaskClient Client => host.Client;

    [Fact]
    public async Task Activities_run_in_order_and_the_output_is_theirs()
    {
        var metadata = await this.RunAsync("HelloSequence", "Ana");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal("Hello, Ana 1! Hello, Ana 2! Hello, Ana 3!", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_failing_activity_is_retried_with_backoff_on_durable_timers_until_it_succeeds()
    {
        var key = Guid.NewGuid().ToString("N");

        var metadata = await this.RunAsync("RetryWithBackoff", key);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(3, metadata.ReadOutputAs<int>());
        var history = await this.Client.GetOrchestrationHistoryAsync(metadata.InstanceId);
        Assert.Equal(2, history.OfType<TaskFailedEvent>().Count());
        Assert.Equal(2, history.OfType<TimerFiredEvent>().Count());
    }

    [Fact]
    public async Task Retries_that_run_out_surface_the_activity_failure_to_the_orchestrator()
    {
        var metadata = await this.RunAsync("RetriesExhausted", "the bank is closed");

        Assert.Equal("System.InvalidOperationException: the bank is closed", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_durable_timer_fires_no_earlier_than_a_second_before_its_time()
    {
        var metadata = await this.RunAsync("Timer", 2);

        var times = metadata.ReadOutputAs<DateTime[]>()!;

        // Azure Storage truncates queue visibility to whole seconds, so a timer may fire up to a second early there.
        Assert.True(times[1] >= times[0].AddSeconds(-1), $"fired at {times[1]:O} for {times[0]:O}");
    }

    [Fact]
    public async Task An_external_event_completes_the_wait()
    {
        var id = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(id);

        await this.Client.RaiseEventAsync(id, "Approval", "yes");

        var metadata = await this.WaitAsync(id);
        Assert.Equal("yes", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_buffered_and_delivered()
    {
        var id = await this.StartAsync("AwaitAfterTimer");
        await this.Client.WaitForInstanceStartAsync(id);

        await this.Client.RaiseEventAsync(id, "Approval", "early");

        var metadata = await this.WaitAsync(id);
        Assert.Equal("early", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_race_of_a_timer_and_an_event_goes_to_whichever_comes_first()
    {
        var eventFirst = await this.StartAsync("RaceEventAndTimer", 60);
        var timerFirst = await this.StartAsync("RaceEventAndTimer", 1);
        await this.Client.WaitForInstanceStartAsync(eventFirst);

        await this.Client.RaiseEventAsync(eventFirst, "Approval", "approved");

        Assert.Equal("event: approved", (await this.WaitAsync(eventFirst)).ReadOutputAs<string>());
        Assert.Equal("timeout", (await this.WaitAsync(timerFirst)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Fan_out_and_fan_in_over_a_hundred_activities()
    {
        var metadata = await this.RunAsync("FanOutFanIn", 100);

        Assert.Equal(Enumerable.Range(1, 100).Sum(n => n * n), metadata.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_sub_orchestration_knows_its_parent_and_returns_its_output()
    {
        var metadata = await this.RunAsync("Parent", "Luz");

        Assert.Equal($"Luz from {metadata.InstanceId}:child, parent {metadata.InstanceId} (Parent)", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_failed_sub_orchestration_fails_the_call_in_its_parent()
    {
        var metadata = await this.RunAsync("ParentOfFailure", "no funds");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.StartsWith("child failed:", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Continue_as_new_restarts_with_the_new_input_and_a_fresh_history()
    {
        var metadata = await this.RunAsync("CountTo", 1);

        Assert.Equal(5, metadata.ReadOutputAs<int>());
        var history = await this.Client.GetOrchestrationHistoryAsync(metadata.InstanceId);
        Assert.Equal("5", history.OfType<ExecutionStartedEvent>().Single().Input);
    }

    [Fact]
    public async Task Continue_as_new_keeps_unprocessed_events_when_asked()
    {
        var id = await this.StartAsync("SumEvents", 0);
        await this.Client.WaitForInstanceStartAsync(id);

        foreach (var value in new[] { 1, 2, 3, 0 })
        {
            await this.Client.RaiseEventAsync(id, "Add", value);
        }

        Assert.Equal(6, (await this.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Theory]
    [InlineData(true, "kept: extra")]
    [InlineData(false, "dropped")]
    public async Task Continue_as_new_carries_unprocessed_events_over_only_when_asked(bool preserve, string expected)
    {
        var id = await this.StartAsync("ContinueWithExtra", new ExtraEvents(preserve, 0));
        await this.Client.WaitForInstanceStartAsync(id);

        await this.Client.RaiseEventAsync(id, "Go", "go");
        await this.Client.RaiseEventAsync(id, "Extra", "extra");

        Assert.Equal(expected, (await this.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Custom_status_is_readable_while_the_instance_runs()
    {
        var id = await this.StartAsync("WithCustomStatus", "waiting for the bank");

        var status = await this.PollAsync(id, m => m.SerializedCustomStatus is not null);

        Assert.Contains("waiting for the bank", status.SerializedCustomStatus);
        await this.Client.RaiseEventAsync(id, "Approval", "done");
        await this.WaitAsync(id);
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_it_is_resumed()
    {
        var id = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(id);

        await this.Client.SuspendInstanceAsync(id, "operator check");
        await this.PollAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await this.Client.RaiseEventAsync(id, "Approval", "while suspended");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await this.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await this.Client.ResumeInstanceAsync(id, "checked");

        var metadata = await this.WaitAsync(id);
        Assert.Equal("while suspended", metadata.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Recursive_terminate_stops_the_instance_and_its_sub_orchestrations()
    {
        var id = await this.StartAsync("ParentOfWaiter");
        await this.PollAsync(id + ":waiter", m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await this.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("stopped by operator", Recursive: true));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await this.WaitAsync(id)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await this.WaitAsync(id + ":waiter")).RuntimeStatus);
    }

    [Fact]
    public async Task Restart_runs_the_same_input_again_under_the_same_or_a_new_id()
    {
        var first = await this.RunAsync("HelloSequence", "Eva");

        var sameId = await this.Client.RestartAsync(first.InstanceId);
        var newId = await this.Client.RestartAsync(first.InstanceId, restartWithNewInstanceId: true);

        Assert.Equal(first.InstanceId, sameId);
        Assert.NotEqual(first.InstanceId, newId);
        Assert.Equal(first.ReadOutputAs<string>(), (await this.WaitAsync(sameId)).ReadOutputAs<string>());
        Assert.Equal(first.ReadOutputAs<string>(), (await this.WaitAsync(newId)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Restart_under_the_same_id_refuses_an_instance_still_running()
    {
        var id = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => this.Client.RestartAsync(id));

        await this.Client.TerminateInstanceAsync(id);
    }

    [Fact]
    public async Task Rewind_reruns_the_failed_step_of_a_failed_instance()
    {
        var key = Guid.NewGuid().ToString("N");
        var failed = await this.RunAsync("RewindMe", key);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Contains("the first call fails", failed.FailureDetails!.ErrorMessage);

        await this.Client.RewindInstanceAsync(failed.InstanceId, "the bank is back");

        var rewound = await this.PollAsync(failed.InstanceId, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
        Assert.Equal("recovered", rewound.ReadOutputAs<string>());
        var history = await this.Client.GetOrchestrationHistoryAsync(failed.InstanceId);
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Equal(OrchestrationStatus.Completed, history.OfType<ExecutionCompletedEvent>().Single().OrchestrationStatus);
    }

    [Fact]
    public async Task Rewind_refuses_an_instance_that_has_not_failed()
    {
        var completed = await this.RunAsync("HelloSequence", "Rita");

        await Assert.ThrowsAsync<InvalidOperationException>(() => this.Client.RewindInstanceAsync(completed.InstanceId, "why"));
    }

    [Fact]
    public async Task Purging_one_instance_removes_it_and_refuses_one_still_running()
    {
        var done = await this.RunAsync("HelloSequence", "Paz");
        var running = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(running);

        var purged = await this.Client.PurgeInstanceAsync(done.InstanceId);

        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await this.Client.GetInstanceAsync(done.InstanceId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => this.Client.PurgeInstanceAsync(running));
        await this.Client.TerminateInstanceAsync(running);
    }

    [Fact]
    public async Task Purging_by_filter_removes_only_finished_instances_in_the_range()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var done = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => this.RunAsync("HelloSequence", $"filter {i}")));
        var running = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(running);

        var purged = await this.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.True(purged.PurgedInstanceCount >= 3, $"purged {purged.PurgedInstanceCount}");
        foreach (var metadata in done)
        {
            Assert.Null(await this.Client.GetInstanceAsync(metadata.InstanceId));
        }

        Assert.NotNull(await this.Client.GetInstanceAsync(running));
        await this.Client.TerminateInstanceAsync(running);
    }

    [Fact]
    public async Task A_query_pages_through_instances_with_continuation_tokens()
    {
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..8] + "-";
        var ids = Enumerable.Range(0, 7).Select(i => $"{prefix}{i}").ToHashSet();
        foreach (var id in ids)
        {
            await this.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence", "page", new StartOrchestrationOptions(id));
        }

        var pages = new List<int>();
        var seen = new HashSet<string>();
        await foreach (var page in this.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 3 }).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.UnionWith(page.Values.Select(m => m.InstanceId));
        }

        Assert.Equal(ids, seen);
        Assert.True(pages.Count >= 3 && pages.All(n => n <= 3), string.Join(",", pages));
    }

    [Fact]
    public async Task A_start_under_the_id_of_a_running_instance_is_refused_and_dedupe_statuses_choose_what_else_is()
    {
        var id = await this.StartAsync("AwaitApproval");
        await this.Client.WaitForInstanceStartAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => this.Client.ScheduleNewOrchestrationInstanceAsync("AwaitApproval", null, new StartOrchestrationOptions(id)));
        await this.Client.RaiseEventAsync(id, "Approval", "first");
        await this.WaitAsync(id);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => this.Client.ScheduleNewOrchestrationInstanceAsync(
            "HelloSequence", "again", new StartOrchestrationOptions(id).WithDedupeStatuses(OrchestrationRuntimeStatus.Completed)));
        await this.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence", "again", new StartOrchestrationOptions(id));
        Assert.Equal("Hello, again 1! Hello, again 2! Hello, again 3!", (await this.PollAsync(id, m => m.Name == "HelloSequence" && m.IsCompleted)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_megabyte_of_input_and_output_round_trips()
    {
        var text = string.Create(1024 * 1024, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (i % 26));
            }
        });

        var metadata = await this.RunAsync("EchoLarge", text);

        Assert.Equal(text, metadata.ReadOutputAs<string>());
        Assert.Equal(text, metadata.ReadInputAs<string>());
    }

    [Fact]
    public async Task Each_activity_runs_in_its_own_scope_disposed_when_it_ends()
    {
        var metadata = await this.RunAsync("ScopedActivities");

        var probes = metadata.ReadOutputAs<Guid[]>()!;
        Assert.NotEqual(probes[0], probes[1]);
        Assert.All(probes, id => Assert.True(ScopedProbe.WasDisposed(id)));
    }

    [Fact]
    public async Task An_orchestrator_that_changes_on_replay_fails_with_dtfx_non_determinism()
    {
        var metadata = await this.RunAsync("ChangesOnReplay", Guid.NewGuid().ToString("N"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("NonDeterministic", metadata.FailureDetails!.ErrorType, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task History_reads_return_dtfx_events_oldest_first()
    {
        var metadata = await this.RunAsync("HelloSequence", "Sol");

        var history = await this.Client.GetOrchestrationHistoryAsync(metadata.InstanceId);

        Assert.IsType<ExecutionStartedEvent>(history.First(e => e is not OrchestratorStartedEvent));
        Assert.Equal(3, history.OfType<TaskScheduledEvent>().Count(e => e.Name == "Hello"));
        Assert.Equal(3, history.OfType<TaskCompletedEvent>().Count());
        Assert.IsType<ExecutionCompletedEvent>(history.Last(e => e is not OrchestratorCompletedEvent));
    }

    [Fact]
    public async Task An_instance_started_with_a_version_runs()
    {
        var id = await this.Client.ScheduleNewOrchestrationInstanceAsync(
            "HelloSequence", "Ver", new StartOrchestrationOptions { Version = new TaskVersion("2.0") });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await this.WaitAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task Signals_to_an_unknown_instance_are_refused()
    {
        var id = "missing-" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<ArgumentException>(() => this.Client.RaiseEventAsync(id, "Approval", "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => this.Client.TerminateInstanceAsync(id));
        Assert.Null(await this.Client.GetInstanceAsync(id));
    }

    private async Task<string> StartAsync(string name, object? input = null)
        => await this.Client.ScheduleNewOrchestrationInstanceAsync(name, input);

    private async Task<OrchestrationMetadata> RunAsync(string name, object? input = null)
        => await this.WaitAsync(await this.StartAsync(name, input));

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await this.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    private async Task<OrchestrationMetadata> PollAsync(string id, Func<OrchestrationMetadata, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await this.Client.GetInstanceAsync(id, getInputsAndOutputs: true, timeout.Token) is { } metadata && condition(metadata))
            {
                return metadata;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
