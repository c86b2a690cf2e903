using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>Plain DTFx (TaskHubWorker + TaskHubClient) running the orchestration features on the provider.</summary>
public sealed class EngineTests : IAsyncLifetime
{
    private TestHub hub = null!;

    public async Task InitializeAsync()
    {
        this.hub = await TestHub.CreateAsync("engine");
        await this.hub.StartWorkerAsync();
    }

    public async Task DisposeAsync() => await this.hub.DisposeAsync();

    [Fact]
    public async Task Activities_run_in_sequence_and_the_output_is_stored()
    {
        var state = await this.hub.StartAndWaitAsync(typeof(GreetTwice), "Ana");

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"Hello, Hello, Ana!!\"", state.Output);
        Assert.Equal("\"Ana\"", state.Input);
        Assert.Null(state.FailureDetails);
        Assert.True(state.CompletedTime >= state.CreatedTime);
    }

    [Fact]
    public async Task A_timer_fires_at_or_after_its_time()
    {
        var state = await this.hub.StartAndWaitAsync(typeof(SleepThenReturn), 300);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        var history = await this.HistoryAsync(state.OrchestrationInstance);
        var fired = Assert.Single(history.OfType<TimerFiredEvent>());
        var resumed = history.OfType<OrchestratorStartedEvent>().Last();
        Assert.True(resumed.Timestamp >= fired.FireAt, $"resumed at {resumed.Timestamp:O}, before the timer's {fired.FireAt:O}");
    }

    [Fact]
    public async Task An_external_event_completes_a_waiting_orchestration()
    {
        var instance = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(AwaitApproval), Guid.NewGuid().ToString("N"), "Bo");
        await this.hub.WaitUntilAsync(instance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Running);
        await this.hub.Client.RaiseEventAsync(instance, "approve", "yes");

        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"Hello, Bo! yes\"", state.Output);
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestration_waits_is_kept_for_it()
    {
        // Raised right after the start, before any episode ran: it waits with the start and is delivered after it.
        var instance = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(AwaitApproval), Guid.NewGuid().ToString("N"), "Cy");
        await this.hub.Client.RaiseEventAsync(instance, "approve", "early");

        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"Hello, Cy! early\"", state.Output);
    }

    [Fact]
    public async Task A_sub_orchestration_runs_and_answers_its_parent()
    {
        var id = Guid.NewGuid().ToString("N");
        var state = await this.hub.StartAndWaitAsync(typeof(CallChild), "Di", id);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"child said Hello, Hello, Di!!\"", state.Output);
        var child = await this.hub.Client.GetOrchestrationStateAsync(id + "-child");
        Assert.NotNull(child);
        Assert.Equal(OrchestrationStatus.Completed, child.OrchestrationStatus);
        Assert.Equal(id, child.ParentInstance?.OrchestrationInstance.InstanceId);
    }

    [Fact]
    public async Task Continue_as_new_starts_a_fresh_execution_with_a_fresh_history()
    {
        var state = await this.hub.StartAndWaitAsync(typeof(CountUp), 0);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("3", state.Output);
        Assert.Equal("3", state.Input);
        var history = await this.HistoryAsync(state.OrchestrationInstance);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Single(history.OfType<TaskScheduledEvent>());
        Assert.All(history.OfType<ExecutionStartedEvent>(), e => Assert.Equal(state.OrchestrationInstance.ExecutionId, e.OrchestrationInstance.ExecutionId));
    }

    [Fact]
    public async Task Custom_status_is_stored_with_each_episode()
    {
        var instance = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(ReportProgress), Guid.NewGuid().ToString("N"), "x");
        var waiting = await this.hub.WaitUntilAsync(instance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Running);
        Assert.Equal("\"waiting\"", waiting.Status);

        await this.hub.Client.RaiseEventAsync(instance, "go", "went");
        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"done\"", state.Status);
    }

    [Fact]
    public async Task Suspend_holds_an_instance_and_resume_lets_it_finish()
    {
        var instance = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(ReportProgress), Guid.NewGuid().ToString("N"), "x");
        await this.hub.WaitUntilAsync(instance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Running);

        await this.hub.Client.SuspendInstanceAsync(instance, "hold on");
        await this.hub.WaitUntilAsync(instance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Suspended);
        await this.hub.Client.RaiseEventAsync(instance, "go", "after resume");
        await this.hub.Client.ResumeInstanceAsync(instance, "go on");
        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("\"after resume\"", state.Output);
        var history = await this.HistoryAsync(state.OrchestrationInstance);
        Assert.Single(history.OfType<ExecutionSuspendedEvent>());
        Assert.Single(history.OfType<ExecutionResumedEvent>());
    }

    [Fact]
    public async Task Terminate_ends_a_waiting_instance_with_the_reason()
    {
        var instance = await this.hub.Client.CreateOrchestrationInstanceAsync(typeof(AwaitApproval), Guid.NewGuid().ToString("N"), "x");
        await this.hub.WaitUntilAsync(instance.InstanceId, s => s.OrchestrationStatus == OrchestrationStatus.Running);

        await this.hub.Client.TerminateInstanceAsync(instance, "operator said stop");
        var state = await this.hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Terminated, state.OrchestrationStatus);
        Assert.Contains("operator said stop", state.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_instance_reports_its_failure_details()
    {
        var state = await this.hub.StartAndWaitAsync(typeof(CallFlaky), Guid.NewGuid().ToString("N"));

        Assert.Equal(OrchestrationStatus.Failed, state.OrchestrationStatus);
        Assert.NotNull(state.FailureDetails);
        Assert.Contains("first attempt", state.FailureDetails.ErrorMessage + state.FailureDetails.InnerFailure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_megabyte_input_and_output_round_trip()
    {
        var big = string.Concat(Enumerable.Repeat("0123456789abcdef", 65536));

        var state = await this.hub.StartAndWaitAsync(typeof(EchoThrough), big);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal(JsonDataConverter.Default.Serialize(big), state.Output);
        Assert.Equal(JsonDataConverter.Default.Serialize(big), state.Input);
    }

    [Fact]
    public async Task History_reads_return_dtfx_events()
    {
        var state = await this.hub.StartAndWaitAsync(typeof(GreetTwice), "Ed");

        var history = await this.HistoryAsync(state.OrchestrationInstance);

        Assert.IsType<ExecutionStartedEvent>(history.First(e => e is not OrchestratorStartedEvent));
        Assert.Equal(2, history.OfType<TaskScheduledEvent>().Count());
        Assert.Equal(2, history.OfType<TaskCompletedEvent>().Count());
        var completed = Assert.Single(history.OfType<ExecutionCompletedEvent>());
        Assert.Equal(OrchestrationStatus.Completed, completed.OrchestrationStatus);
        Assert.Equal("\"Hello, Ed!\"", history.OfType<TaskCompletedEvent>().First().Result);
    }

    private async Task<List<HistoryEvent>> HistoryAsync(OrchestrationInstance instance)
    {
        var json = await this.hub.Client.GetOrchestrationHistoryAsync(instance);
        return JsonDataConverter.Default.Deserialize<List<HistoryEvent>>(json);
    }
}
