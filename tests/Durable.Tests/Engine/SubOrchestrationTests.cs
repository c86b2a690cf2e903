using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class SubOrchestrationTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Sub_orchestration_runs_under_the_chosen_instance_id_and_returns_its_output()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Parent", (context, x) => context.CallSubOrchestratorAsync<int>("Child", x, new SubOrchestrationOptions(InstanceId: $"{context.InstanceId}-child")))
            .AddOrchestratorFunc<int, int>("Child", (context, x) => context.CallActivityAsync<int>("Square", x))
            .AddActivityFunc<int, int>("Square", (_, x) => x * x));

        var result = await host.RunAsync("Parent", 7, new StartOrchestrationOptions("order-1"));
        var child = await host.Client.GetInstanceAsync("order-1-child", getInputsAndOutputs: true);

        Assert.Equal(49, result.ReadOutputAs<int>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
        Assert.Equal("order-1", child?.ParentInstanceId);
    }

    [Fact]
    public async Task Sub_orchestration_failure_propagates_to_the_parent()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Parent", async (context, _) =>
            {
                try
                {
                    await context.CallSubOrchestratorAsync("Child", null, new SubOrchestrationOptions(InstanceId: "failing-child"));
                    return "no failure";
                }
                catch (SubOrchestrationFailedException ex)
                {
                    return $"{ex.InstanceId}: {ex.FailureDetails.InnerFailure?.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<object?, object?>("Child", async (context, _) => await context.CallActivityAsync<object?>("Explode"))
            .AddActivityFunc<object?, object?>("Explode", (_, _) => throw new InvalidOperationException("payout rejected")));

        var result = await host.RunAsync("Parent");

        Assert.Equal("failing-child: payout rejected", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Sub_orchestration_with_the_id_of_a_running_instance_fails_in_the_parent()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Parent", async (context, _) =>
            {
                try
                {
                    await context.CallSubOrchestratorAsync("Waiter", null, new SubOrchestrationOptions(InstanceId: "busy"));
                    return "started";
                }
                catch (SubOrchestrationFailedException ex)
                {
                    return ex.FailureDetails.ErrorMessage;
                }
            })
            .AddOrchestratorFunc<object?, string>("Waiter", (context, _) => context.WaitForExternalEvent<string>("Never")));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", options: new StartOrchestrationOptions("busy"));
        await host.WaitUntilAsync("busy", m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        var result = await host.RunAsync("Parent");

        Assert.Contains("'busy' is already running", result.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("busy"))!.RuntimeStatus);
    }

    [Fact]
    public async Task Send_event_delivers_an_event_to_another_instance()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Receiver", (context, _) => context.WaitForExternalEvent<string>("Ping"))
            .AddOrchestratorFunc<string, object?>("Sender", (context, target) =>
            {
                context.SendEvent(target, "Ping", "hello from sender");
                return Task.FromResult<object?>(null);
            }));

        var receiver = await host.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", options: new StartOrchestrationOptions("receiver"));
        await host.RunAsync("Sender", receiver);

        Assert.Equal("hello from sender", (await host.WaitAsync(receiver)).ReadOutputAs<string>());
    }
}
