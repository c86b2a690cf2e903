using System.Collections.Concurrent;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class LifecycleTests(IStoreFactory stores) : EngineTests(stores)
{
    private readonly ConcurrentDictionary<string, int> attempts = new();

    [Fact]
    public async Task Suspended_instance_holds_events_until_it_is_resumed()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Approval", (context, _) => context.WaitForExternalEvent<string>("Approve")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approval");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.SuspendInstanceAsync(id, "operator review");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync(id, "Approve", "yes");

        // The event is in history but the orchestrator has not seen it.
        await WaitForHistoryAsync(host, id, h => h.OfType<EventRaisedEvent>().Any());
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync(id, "approved by operator");
        var result = await host.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("yes", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_stops_the_instance_with_the_given_output()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Forever", (context, _) => context.WaitForExternalEvent<string>("Never")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.TerminateInstanceAsync(id, "cancelled by buyer");
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("cancelled by buyer", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_reaches_running_sub_orchestrations()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Parent", async (context, _) =>
                await context.CallSubOrchestratorAsync<object?>("Child", null, new SubOrchestrationOptions(InstanceId: $"{context.InstanceId}-child")))
            .AddOrchestratorFunc<object?, string>("Child", (context, _) => context.WaitForExternalEvent<string>("Never")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await host.WaitUntilAsync($"{id}-child", m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("stop", Recursive: true));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitAsync(id)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitAsync($"{id}-child")).RuntimeStatus);
    }

    [Fact]
    public async Task Rewind_reruns_the_failed_step_and_the_instance_goes_on()
    {
        var stepsRun = new ConcurrentQueue<string>();
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Payout", async (context, _) =>
            {
                var first = await context.CallActivityAsync<string>("Step", "reserve");
                var second = await context.CallActivityAsync<string>("Step", "pay");
                return $"{first}+{second}";
            })
            .AddActivityFunc<string, string>("Step", (context, step) =>
            {
                stepsRun.Enqueue(step);
                // "pay" fails the first time only, like a bank that was down.
                return step == "pay" && this.attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1) == 1
                    ? throw new HttpRequestException("bank unavailable")
                    : step;
            }));

        var failed = await host.RunAsync("Payout");
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);

        await host.Client.RewindInstanceAsync(failed.InstanceId, "bank is back");
        await WaitForHistoryAsync(host, failed.InstanceId, h => h.OfType<ExecutionRewoundEvent>().Any());
        var result = await host.WaitAsync(failed.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("reserve+pay", result.ReadOutputAs<string>());
        Assert.Equal(["reserve", "pay", "pay"], stepsRun);
        Assert.Null(result.FailureDetails);
        var history = await host.Client.GetOrchestrationHistoryAsync(failed.InstanceId);
        Assert.Contains(history, e => e is ExecutionRewoundEvent { Reason: "bank is back" });
    }

    [Fact]
    public async Task Rewind_of_an_instance_that_is_not_failed_is_refused()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<object?, object?>("Done", (_, _) => Task.FromResult<object?>(null)));

        var done = await host.RunAsync("Done");

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RewindInstanceAsync(done.InstanceId, "why"));
    }

    [Fact]
    public async Task Restart_runs_again_from_the_original_input_under_the_same_or_a_new_id()
    {
        var runs = new ConcurrentQueue<int>();
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Double", (context, x) => context.CallActivityAsync<int>("Record", x))
            .AddActivityFunc<int, int>("Record", (_, x) =>
            {
                runs.Enqueue(x);
                return x * 2;
            }));

        var first = await host.RunAsync("Double", 21, new StartOrchestrationOptions("restart-me"));
        var sameId = await host.Client.RestartAsync(first.InstanceId);
        var sameResult = await host.WaitAsync(sameId);
        var newId = await host.Client.RestartAsync(first.InstanceId, restartWithNewInstanceId: true);
        var newResult = await host.WaitAsync(newId);

        Assert.Equal("restart-me", sameId);
        Assert.NotEqual("restart-me", newId);
        Assert.Equal(42, sameResult.ReadOutputAs<int>());
        Assert.Equal(42, newResult.ReadOutputAs<int>());
        Assert.Equal([21, 21, 21], runs);
    }

    [Fact]
    public async Task Restart_under_the_same_id_while_running_is_refused()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Forever", (context, _) => context.WaitForExternalEvent<string>("Never")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.RestartAsync(id));
    }

    [Fact]
    public async Task Purge_removes_a_finished_instance_and_its_history_but_not_a_running_one()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Done", (_, _) => Task.FromResult<object?>(null))
            .AddOrchestratorFunc<object?, string>("Forever", (context, _) => context.WaitForExternalEvent<string>("Never")));

        var done = await host.RunAsync("Done");
        var running = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await host.WaitUntilAsync(running, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(done.InstanceId)).PurgedInstanceCount);
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(done.InstanceId));
        Assert.Empty(await host.Client.GetOrchestrationHistoryAsync(done.InstanceId));
        Assert.NotNull(await host.Client.GetInstanceAsync(running));
    }

    [Fact]
    public async Task Purge_by_filter_removes_only_matching_finished_instances()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<bool, object?>("Maybe", (_, fail) => fail ? throw new InvalidOperationException("no") : Task.FromResult<object?>(null)));

        var completed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.RunAsync("Maybe", false)));
        var failed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.RunAsync("Maybe", true)));

        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Failed]));

        Assert.Equal(2, purged.PurgedInstanceCount);
        foreach (var f in failed)
        {
            Assert.Null(await host.Client.GetInstanceAsync(f.InstanceId));
        }

        foreach (var c in completed)
        {
            Assert.NotNull(await host.Client.GetInstanceAsync(c.InstanceId));
        }
    }

    private static async Task WaitForHistoryAsync(TestHost host, string id, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TestHost.DefaultTimeout);
        while (!condition(await host.Client.GetOrchestrationHistoryAsync(id, timeout.Token)))
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
