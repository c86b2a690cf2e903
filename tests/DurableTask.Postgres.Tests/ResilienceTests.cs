using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>Poison work, leases that run out, and several workers sharing one hub.</summary>
public sealed class ResilienceTests
{
    [Fact]
    public async Task A_poison_orchestration_is_failed_with_a_reason()
    {
        await using var hub = await TestHub.CreateAsync("poison", s => s with { MaxDequeueCount = 3, MaxAbandonBackoff = TimeSpan.FromMilliseconds(200) });
        await hub.StartWorkerAsync(worker => worker.AddOrchestrationDispatcherMiddleware((context, next) =>
            context.GetProperty<OrchestrationRuntimeState>().OrchestrationInstance!.InstanceId.StartsWith("poison-", StringComparison.Ordinal)
                ? throw new InvalidOperationException("this episode can never complete")
                : next()));

        var state = await hub.StartAndWaitAsync(typeof(GreetTwice), "x", "poison-" + Guid.NewGuid().ToString("N"));
        var healthy = await hub.StartAndWaitAsync(typeof(GreetTwice), "y");

        Assert.Equal(OrchestrationStatus.Failed, state.OrchestrationStatus);
        Assert.Equal("PoisonMessage", state.FailureDetails?.ErrorType);
        Assert.Contains("is poison", state.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("4 times", state.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(OrchestrationStatus.Completed, healthy.OrchestrationStatus);
    }

    [Fact]
    public async Task A_poison_activity_fails_back_to_its_orchestration_with_a_reason()
    {
        await using var hub = await TestHub.CreateAsync("poisontask", s => s with { MaxDequeueCount = 2, MaxAbandonBackoff = TimeSpan.FromMilliseconds(200) });
        await hub.StartWorkerAsync(worker => worker.AddActivityDispatcherMiddleware((context, next) =>
            context.GetProperty<OrchestrationInstance>().InstanceId.StartsWith("poison-", StringComparison.Ordinal)
                ? throw new InvalidOperationException("this activity can never complete")
                : next()));

        var state = await hub.StartAndWaitAsync(typeof(GreetTwice), "x", "poison-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(OrchestrationStatus.Failed, state.OrchestrationStatus);
        var failure = state.FailureDetails!;
        Assert.Contains("is poison", failure.ErrorMessage + failure.InnerFailure?.ErrorMessage, StringComparison.Ordinal);
        var history = PostgresOrchestrationService.ParseHistory(await hub.Client.GetOrchestrationHistoryAsync(state.OrchestrationInstance));
        Assert.Equal("PoisonMessage", Assert.Single(history.OfType<TaskFailedEvent>()).FailureDetails?.ErrorType);
    }

    [Fact]
    public async Task An_orchestration_lease_that_runs_out_is_taken_over_and_the_stale_worker_commits_nothing()
    {
        await using var hub = await TestHub.CreateAsync("lease");
        var stale = hub.NewService(hub.Settings with { WorkItemLockTimeout = TimeSpan.FromSeconds(1) });
        var instance = await hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), Guid.NewGuid().ToString("N"), "Gi");
        var item = await stale.LockNextTaskOrchestrationWorkItemAsync(TestHub.Timeout, CancellationToken.None);
        Assert.Equal(instance.InstanceId, item.InstanceId);
        Assert.Null(await hub.NewService().LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));

        await hub.StartWorkerAsync();
        var state = await hub.WaitAsync(instance);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        await Assert.ThrowsAsync<InvalidOperationException>(() => stale.RenewTaskOrchestrationWorkItemLockAsync(item));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stale.CompleteTaskOrchestrationWorkItemAsync(item, item.OrchestrationRuntimeState, [], [], [], null!, null!));
        var history = PostgresOrchestrationService.ParseHistory(await hub.Client.GetOrchestrationHistoryAsync(instance));
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.Single(history.OfType<ExecutionCompletedEvent>());
    }

    [Fact]
    public async Task An_activity_lease_that_runs_out_is_taken_over_and_the_stale_result_is_dropped()
    {
        await using var hub = await TestHub.CreateAsync("tasklease");
        var stale = hub.NewService(hub.Settings with { WorkItemLockTimeout = TimeSpan.FromSeconds(1) });
        var instance = await hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), Guid.NewGuid().ToString("N"), "Hu");

        // The first episode by hand, as DTFx would write it: the start and the first activity scheduled.
        var item = await stale.LockNextTaskOrchestrationWorkItemAsync(TestHub.Timeout, CancellationToken.None);
        var runtime = item.OrchestrationRuntimeState;
        runtime.AddEvent(new OrchestratorStartedEvent(-1));
        runtime.AddEvent(item.NewMessages[0].Event);
        var scheduled = new TaskScheduledEvent(0) { Name = typeof(Greet).FullName, Version = "", Input = "[\"Hu\"]" }; // DTFx passes activity inputs as a JSON array of parameters.
        runtime.AddEvent(scheduled);
        runtime.AddEvent(new OrchestratorCompletedEvent(-1));
        var activity = new TaskMessage { Event = scheduled, OrchestrationInstance = runtime.OrchestrationInstance };
        await stale.CompleteTaskOrchestrationWorkItemAsync(item, runtime, [activity], [], [], null!, null!);
        await stale.ReleaseTaskOrchestrationWorkItemAsync(item);

        // A worker locks the activity and never completes it.
        var task = await stale.LockNextTaskActivityWorkItem(TestHub.Timeout, CancellationToken.None);
        Assert.Equal(0, ((TaskScheduledEvent)task.TaskMessage.Event).EventId);

        await hub.StartWorkerAsync();
        var state = await hub.WaitAsync(instance);
        await stale.CompleteTaskActivityWorkItemAsync(task, new TaskMessage { Event = new TaskCompletedEvent(-1, 0, "\"stale\""), OrchestrationInstance = task.TaskMessage.OrchestrationInstance });

        Assert.True(OrchestrationStatus.Completed == state.OrchestrationStatus, state.FailureDetails?.ToString());
        Assert.Equal("\"Hello, Hello, Hu!!\"", state.Output);
        Assert.Null(await hub.NewService().LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));
        var history = PostgresOrchestrationService.ParseHistory(await hub.Client.GetOrchestrationHistoryAsync(instance));
        Assert.Equal(2, history.OfType<TaskCompletedEvent>().Count());
        Assert.DoesNotContain(history.OfType<TaskCompletedEvent>(), e => e.Result == "\"stale\"");
    }

    [Fact]
    public async Task Two_workers_share_a_hub_and_never_run_one_instance_at_once()
    {
        await using var hub = await TestHub.CreateAsync("shared");
        var running = new ConcurrentDictionary<string, byte>();
        var overlaps = new ConcurrentBag<string>();
        var episodes = new int[2];
        for (var w = 0; w < 2; w++)
        {
            var index = w;
            await hub.StartWorkerAsync(worker => worker.AddOrchestrationDispatcherMiddleware(async (context, next) =>
            {
                var id = context.GetProperty<OrchestrationRuntimeState>().OrchestrationInstance!.InstanceId;
                if (!running.TryAdd(id, 0))
                {
                    overlaps.Add(id);
                }

                Interlocked.Increment(ref episodes[index]);
                try
                {
                    await Task.Yield();
                    await next();
                }
                finally
                {
                    running.TryRemove(id, out _);
                }
            }));
        }

        var instances = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), $"shared-{i}", $"n{i}")));
        var states = await Task.WhenAll(instances.Select(hub.WaitAsync));

        Assert.All(states, s => Assert.Equal(OrchestrationStatus.Completed, s.OrchestrationStatus));
        Assert.Equal(
            Enumerable.Range(0, 100).Select(i => $"\"Hello, Hello, n{i}!!\""),
            states.OrderBy(s => int.Parse(s.OrchestrationInstance.InstanceId["shared-".Length..], System.Globalization.CultureInfo.InvariantCulture)).Select(s => s.Output));
        Assert.Empty(overlaps);
        Assert.Equal(300, episodes.Sum());
        Assert.All(episodes, count => Assert.True(count > 0, $"a worker ran no episodes: {string.Join(", ", episodes)}"));
    }
}
