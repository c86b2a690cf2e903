using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.Storage;
using PaymentFunctions.Durable.Storage.InMemory;
using PaymentFunctions.Durable.Tests.Engine;

namespace PaymentFunctions.Durable.Tests.Worker;

public sealed class DurableTaskWorkerTests
{
    private int running;
    private int maxRunning;

    [Fact]
    public async Task Activities_never_run_above_the_configured_concurrency()
    {
        await using var host = await TestHost.StartAsync(
            new InMemoryStoreFactory(),
            r => r
                .AddOrchestratorFunc<int, int>("Fan", async (context, n) => (await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>("Slow", i)))).Length)
                .AddActivityFunc<int, int>("Slow", async (_, i) =>
                {
                    var now = Interlocked.Increment(ref this.running);
                    InterlockedMax(ref this.maxRunning, now);
                    await Task.Delay(20);
                    Interlocked.Decrement(ref this.running);
                    return i;
                }),
            configureWorker: o => o.MaxConcurrentActivityFunctions = 3);

        var result = await host.RunAsync("Fan", 30);

        Assert.Equal(30, result.ReadOutputAs<int>());
        Assert.InRange(this.maxRunning, 1, 3);
    }

    [Fact]
    public async Task Stopping_the_worker_lets_running_activities_finish_first()
    {
        var started = new TaskCompletionSource();
        var finished = 0;
        var host = await TestHost.StartAsync(new InMemoryStoreFactory(), r => r
            .AddOrchestratorFunc<object?, object?>("Long", async (context, _) => await context.CallActivityAsync<object?>("Work"))
            .AddActivityFunc<object?, object?>("Work", async (_, _) =>
            {
                started.TrySetResult();
                await Task.Delay(300);
                Interlocked.Exchange(ref finished, 1);
                return null;
            }));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Long");
        await started.Task.WaitAsync(TestHost.DefaultTimeout);
        await host.DisposeAsync();

        Assert.Equal(1, Volatile.Read(ref finished));
    }

    [Fact]
    public async Task Activity_whose_lease_keeps_expiring_fails_as_poison_instead_of_looping()
    {
        var store = new InMemoryOrchestrationStore(lockTimeout: TimeSpan.FromMilliseconds(100));
        await using var host = await TestHost.StartAsync(
            new FixedStoreFactory(store),
            r => r
                .AddOrchestratorFunc<object?, object?>("Stuck", async (context, _) => await context.CallActivityAsync<object?>("Hang"))
                .AddActivityFunc<object?, object?>("Hang", async (_, _) =>
                {
                    // Outlives its lease every time, like a worker that dies mid-activity.
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    return null;
                }),
            configureWorker: o =>
            {
                o.LockRenewalInterval = TimeSpan.FromMinutes(5);
                o.MaxDequeueCount = 2;
            });

        var result = await host.RunAsync("Stuck");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("PoisonMessage", result.FailureDetails?.InnerFailure?.ErrorType);
        Assert.Contains("dequeued 3 times", result.FailureDetails?.InnerFailure?.ErrorMessage);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class FixedStoreFactory(IOrchestrationStore store) : IStoreFactory
    {
        public IOrchestrationStore Create(TimeProvider? time = null) => store;
    }
}
