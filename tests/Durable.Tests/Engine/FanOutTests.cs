using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class FanOutTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Fan_out_fan_in_of_a_thousand_activities_collects_every_result()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, long>("FanOut", async (context, count) =>
            {
                var tasks = Enumerable.Range(1, count).Select(i => context.CallActivityAsync<long>("Times3", i));
                var results = await Task.WhenAll(tasks);
                return results.Sum();
            })
            .AddActivityFunc<int, long>("Times3", (_, i) => i * 3L));

        var result = await host.RunAsync("FanOut", 1000);
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        Assert.Equal(3L * 1000 * 1001 / 2, result.ReadOutputAs<long>());
        Assert.Equal(1000, history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Distinct().Count());
    }
}
