using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class HubIsolationTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Two_hubs_in_one_database_never_see_each_others_work()
    {
        var first = stores.CreateStore();
        var second = stores.CreateStore();
        await first.CreateInstanceAsync(StoreScenario.StartMessage("same-id", "First"), []);
        await second.CreateInstanceAsync(StoreScenario.StartMessage("same-id", "Second"), []);
        await first.CreateInstanceAsync(StoreScenario.StartMessage("only-first"), []);

        Assert.Null(await second.GetInstanceAsync("only-first", includePayloads: false));
        Assert.False(await second.SendMessageAsync(new("only-first", new History.EventRaisedEvent(StoreScenario.Start, "e", null))));
        Assert.Equal("Second", (await second.GetInstanceAsync("same-id", includePayloads: false))!.Name);
        var secondPage = await second.QueryInstancesAsync(new OrchestrationQuery());
        Assert.Equal(["same-id"], secondPage.Instances.Select(i => i.InstanceId));

        var secondItems = await second.LockOrchestrationWorkItemsAsync(10);
        var secondItem = Assert.Single(secondItems);
        Assert.Equal("Second", secondItem.State!.Name);

        var firstItems = await first.LockOrchestrationWorkItemsAsync(10);
        Assert.Equal(["same-id", "only-first"], firstItems.Select(i => i.InstanceId));
        Assert.All(firstItems, i => Assert.NotEqual("Second", i.State!.Name));
    }

    [Fact]
    public async Task Activities_of_one_hub_are_not_handed_to_another()
    {
        var first = stores.CreateStore();
        var second = stores.CreateStore();
        var item = await StoreScenario.CreateAndLockAsync(first, "with-activity");
        Assert.True(await first.CompleteOrchestrationWorkItemAsync(item, StoreScenario.Episode(item, activities: ["Work"])));

        Assert.Empty(await second.LockActivityWorkItemsAsync(10));
        var task = Assert.Single(await first.LockActivityWorkItemsAsync(10));
        Assert.Equal("Work", task.Request.Event.Name);
    }
}
