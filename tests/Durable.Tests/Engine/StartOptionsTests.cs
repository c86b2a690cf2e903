using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class StartOptionsTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Starting_an_existing_running_instance_id_is_refused_by_default()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Forever", (context, _) => context.WaitForExternalEvent<string>("Never")));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", options: new StartOrchestrationOptions("payment-1"));

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", options: new StartOrchestrationOptions("payment-1")));
        Assert.Equal("payment-1", error.InstanceId);
    }

    [Fact]
    public async Task Dedupe_statuses_decide_whether_a_finished_instance_is_replaced()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x)));

        await host.RunAsync("Echo", 1, new StartOrchestrationOptions("once"));

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", 2, new StartOrchestrationOptions("once") { DedupeStatuses = [OrchestrationRuntimeStatus.Completed] }));
        var replaced = await host.RunAsync("Echo", 3, new StartOrchestrationOptions("once"));
        Assert.Equal(3, replaced.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Scheduled_start_stays_pending_until_its_start_time()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, DateTime>("Later", (context, _) => Task.FromResult(context.CurrentUtcDateTime)));

        var startAt = DateTimeOffset.UtcNow.AddMilliseconds(1500);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", options: new StartOrchestrationOptions(StartAt: startAt));
        var pending = await host.Client.GetInstanceAsync(id);
        var result = await host.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal(startAt, pending.ScheduledStartTime);
        Assert.True(result.ReadOutputAs<DateTime>() >= startAt.UtcDateTime, "started before its scheduled time");
    }

    [Fact]
    public async Task Terminating_a_scheduled_instance_before_it_starts_ends_it()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Later", (_, _) => Task.FromResult("ran")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", options: new StartOrchestrationOptions(StartAt: DateTimeOffset.UtcNow.AddHours(1)));
        await host.Client.TerminateInstanceAsync(id, "not needed");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task Version_and_tags_are_recorded_and_visible_to_the_orchestrator()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string?>("Versioned", (context, _) => Task.FromResult(context.Version)));

        var result = await host.RunAsync("Versioned", options: new StartOrchestrationOptions
        {
            Version = "2.1",
            Tags = new Dictionary<string, string> { ["tenant"] = "acme" },
        });

        Assert.Equal("2.1", result.ReadOutputAs<string>());
        Assert.Equal("2.1", result.Version);
        Assert.Equal("acme", result.Tags["tenant"]);
    }

    [Fact]
    public async Task Unknown_orchestrator_fails_the_instance_with_a_clear_reason()
    {
        await using var host = await this.StartAsync(_ => { });

        var result = await host.RunAsync("NoSuchOrchestrator");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("NoSuchOrchestrator", result.FailureDetails?.ErrorMessage);
    }
}
