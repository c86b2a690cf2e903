using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class ContinueAsNewTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Continue_as_new_restarts_with_the_new_input_and_a_fresh_history()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Countdown", async (context, n) =>
            {
                await context.CallActivityAsync("Noop");
                if (n > 0)
                {
                    context.ContinueAsNew(n - 1);
                }

                return n;
            })
            .AddActivityFunc<object?, object?>("Noop", (_, _) => (object?)null));

        var result = await host.RunAsync("Countdown", 5);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(0, result.ReadOutputAs<int>());
        Assert.Equal("0", result.SerializedInput);
        Assert.Single(history.OfType<ExecutionStartedEvent>(), e => e.Generation == 5);
        Assert.Single(history.OfType<TaskScheduledEvent>());
    }

    [Fact]
    public async Task Unprocessed_events_are_carried_over_when_asked()
    {
        var values = await this.RunCarryOverAsync(preserve: true);

        Assert.Equal(["first", "second"], values);
    }

    [Fact]
    public async Task Unprocessed_events_are_dropped_when_not_asked()
    {
        var values = await this.RunCarryOverAsync(preserve: false);

        Assert.Equal(["first", "late"], values);
    }

    private async Task<string[]> RunCarryOverAsync(bool preserve)
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<string[], string[]>("Collector", async (context, seen) =>
            {
                if (seen.Length == 0)
                {
                    // Both events are buffered by now; only the first is consumed before continuing as new.
                    await context.WaitForExternalEvent<string>("Go");
                    context.ContinueAsNew(new[] { await context.WaitForExternalEvent<string>("Item") }, preserve);
                    return seen;
                }

                return [.. seen, await context.WaitForExternalEvent<string>("Item")];
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collector", Array.Empty<string>());
        await host.Client.RaiseEventAsync(id, "Item", "first");
        await host.Client.RaiseEventAsync(id, "Item", "second");
        await host.Client.RaiseEventAsync(id, "Go");
        if (!preserve)
        {
            await host.WaitUntilAsync(id, m => m.SerializedInput == "[\"first\"]");
            await host.Client.RaiseEventAsync(id, "Item", "late");
        }

        return (await host.WaitAsync(id)).ReadOutputAs<string[]>()!;
    }
}
