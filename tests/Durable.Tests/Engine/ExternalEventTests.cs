using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class ExternalEventTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Events_raised_before_the_wait_are_buffered_and_delivered_first_in_first_out_per_name()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string[]>("Collect", async (context, _) =>
            {
                // Let the events arrive while the orchestrator is busy elsewhere.
                await context.WaitForExternalEvent<string>("Go");
                var other = await context.WaitForExternalEvent<string>("Other");
                return [await context.WaitForExternalEvent<string>("Item"), await context.WaitForExternalEvent<string>("Item"), other, await context.WaitForExternalEvent<string>("Item")];
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect");
        await host.Client.RaiseEventAsync(id, "Item", "first");
        await host.Client.RaiseEventAsync(id, "Other", "x");
        await host.Client.RaiseEventAsync(id, "item", "second");
        await host.Client.RaiseEventAsync(id, "Item", "third");
        await host.Client.RaiseEventAsync(id, "Go");
        var result = await host.WaitAsync(id);

        Assert.Equal(["first", "second", "x", "third"], result.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task Wait_with_timeout_throws_task_canceled_when_no_event_arrives()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("WaitBriefly", async (context, _) =>
            {
                try
                {
                    return await context.WaitForExternalEvent<string>("Never", TimeSpan.FromMilliseconds(200));
                }
                catch (TaskCanceledException)
                {
                    return "timed out";
                }
            }));

        Assert.Equal("timed out", (await host.RunAsync("WaitBriefly")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Wait_with_timeout_returns_the_event_when_it_arrives_in_time()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, int>("WaitLong", (context, _) => context.WaitForExternalEvent<int>("Amount", TimeSpan.FromMinutes(5))));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("WaitLong");
        await host.Client.RaiseEventAsync(id, "Amount", 250);

        Assert.Equal(250, (await host.WaitAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Raising_an_event_to_an_unknown_instance_is_rejected()
    {
        await using var host = await this.StartAsync(_ => { });

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RaiseEventAsync("nobody", "Ping"));
    }

    [Fact]
    public async Task Custom_status_is_visible_while_the_instance_waits()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Status", async (context, _) =>
            {
                context.SetCustomStatus(new { step = "awaiting-deposit" });
                var value = await context.WaitForExternalEvent<string>("Deposit");
                context.SetCustomStatus(new { step = "done" });
                return value;
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Status");
        var waiting = await host.WaitUntilAsync(id, m => m.SerializedCustomStatus is not null);
        Assert.Equal("{\"step\":\"awaiting-deposit\"}", waiting.SerializedCustomStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);

        await host.Client.RaiseEventAsync(id, "Deposit", "100.00");
        var done = await host.WaitAsync(id);
        Assert.Equal("{\"step\":\"done\"}", done.SerializedCustomStatus);
    }
}
