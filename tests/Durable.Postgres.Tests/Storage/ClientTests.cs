using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

public sealed class ClientTests(PostgresStoreFactory stores) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Creating_an_existing_id_throws_in_a_dedupe_status_and_replaces_it_otherwise()
    {
        var store = stores.CreateStore();
        await store.CreateInstanceAsync(StoreScenario.StartMessage("dup", "First"), []);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => store.CreateInstanceAsync(StoreScenario.StartMessage("dup", "Second"), [OrchestrationRuntimeStatus.Pending]));
        Assert.Equal("First", (await store.GetInstanceAsync("dup", false))!.Name);

        await store.CreateInstanceAsync(StoreScenario.StartMessage("dup", "Third"), [OrchestrationRuntimeStatus.Running]);
        Assert.Equal("Third", (await store.GetInstanceAsync("dup", false))!.Name);
        var item = Assert.Single(await store.LockOrchestrationWorkItemsAsync(10));
        Assert.Equal("Third", ((ExecutionStartedEvent)Assert.Single(item.Messages).Event).Name);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_leave_exactly_one_instance_with_one_start()
    {
        var hub = PostgresStoreFactory.NewHubName();
        var store = stores.CreateStore(hubName: hub);
        await store.InitializeAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.CreateInstanceAsync(StoreScenario.StartMessage("race", $"N{i}"), [OrchestrationRuntimeStatus.Pending]);
                return true;
            }
            catch (OrchestrationAlreadyExistsException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(created => created));
        Assert.Equal(1, await StoreScenario.CountAsync(stores.ConnectionString, "instances", hub));
        Assert.Equal(1, await StoreScenario.CountAsync(stores.ConnectionString, "new_events", hub));
    }

    [Fact]
    public async Task Queries_filter_and_page_in_creation_order_with_continuation_tokens()
    {
        var clock = new ManualClock(StoreScenario.Start);
        var store = stores.CreateStore(clock);
        foreach (var id in new[] { "b-2", "a-1", "b-1", "c-1", "b-3" })
        {
            await store.CreateInstanceAsync(StoreScenario.StartMessage(id), []);
            if (id != "b-1")
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await store.QueryInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "b-", PageSize = 2, ContinuationToken = token });
            Assert.True(page.Instances.Count <= 2);
            Assert.All(page.Instances, i => Assert.Null(i.Input));
            seen.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        // b-1 and c-1 share a creation time; ties are broken by id.
        Assert.Equal(["b-2", "b-1", "b-3"], seen);

        var window = await store.QueryInstancesAsync(new OrchestrationQuery
        {
            CreatedFrom = StoreScenario.Start.AddSeconds(1),
            CreatedTo = StoreScenario.Start.AddSeconds(3),
            Statuses = [OrchestrationRuntimeStatus.Pending],
            FetchInputsAndOutputs = true,
        });
        Assert.Equal(["a-1", "b-1", "c-1"], window.Instances.Select(i => i.InstanceId));
        Assert.All(window.Instances, i => Assert.Equal("\"input\"", i.Input));
        Assert.Null(window.ContinuationToken);
        Assert.Empty((await store.QueryInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] })).Instances);
    }

    [Fact]
    public async Task Messages_to_unknown_instances_are_refused_and_payloads_are_optional()
    {
        var store = stores.CreateStore();
        Assert.False(await store.SendMessageAsync(new("ghost", new EventRaisedEvent(StoreScenario.Start, "e", null))));
        Assert.Null(await store.GetInstanceAsync("ghost", true));
        Assert.Empty(await store.GetHistoryAsync("ghost"));

        await store.CreateInstanceAsync(StoreScenario.StartMessage("real"), []);
        Assert.True(await store.SendMessageAsync(new("real", new EventRaisedEvent(StoreScenario.Start, "e", null))));
        Assert.Null((await store.GetInstanceAsync("real", false))!.Input);
        Assert.Equal("\"input\"", (await store.GetInstanceAsync("real", true))!.Input);
    }
}
