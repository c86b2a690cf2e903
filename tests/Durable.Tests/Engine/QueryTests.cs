using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class QueryTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Query_pages_through_every_instance_with_continuation_tokens()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x)));
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", i, new StartOrchestrationOptions($"q-{i}")));
        }

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 3, InstanceIdPrefix = "q-" }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(ids.Order(), pages.SelectMany(p => p.Values).Select(m => m.InstanceId).Order());
    }

    [Fact]
    public async Task Query_filters_by_status_prefix_and_creation_time()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<bool, object?>("Maybe", (_, fail) => fail ? throw new InvalidOperationException("no") : Task.FromResult<object?>(null)));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await host.RunAsync("Maybe", false, new StartOrchestrationOptions("a-ok"));
        await host.RunAsync("Maybe", true, new StartOrchestrationOptions("a-bad"));
        await host.RunAsync("Maybe", true, new StartOrchestrationOptions("b-bad"));

        var failedA = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Failed], InstanceIdPrefix = "a-" }));
        var recent = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = before, FetchInputsAndOutputs = true }));
        var future = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = DateTimeOffset.UtcNow.AddHours(1) }));

        Assert.Equal(["a-bad"], failedA.Select(m => m.InstanceId));
        Assert.Equal(3, recent.Count);
        Assert.Contains(recent, m => m.SerializedInput == "true");
        Assert.Empty(future);
    }

    [Fact]
    public async Task Metadata_without_inputs_and_outputs_leaves_payloads_out()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<int, int>("Echo", (_, x) => Task.FromResult(x)));
        var done = await host.RunAsync("Echo", 5);

        var slim = await host.Client.GetInstanceAsync(done.InstanceId, getInputsAndOutputs: false);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, slim!.RuntimeStatus);
        Assert.Null(slim.SerializedInput);
        Assert.Null(slim.SerializedOutput);
        Assert.Equal("5", done.SerializedOutput);
    }

    private static async Task<List<OrchestrationMetadata>> ToListAsync(AsyncPageable<OrchestrationMetadata> pageable)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }
}
