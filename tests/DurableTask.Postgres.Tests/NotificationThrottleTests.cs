using DurableTask.Core;
using PaymentFunctions.DurableTask.Postgres.Notifications;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>Workers' wake-up NOTIFYs coalesced per window, without losing a wake-up.</summary>
public sealed class NotificationThrottleTests
{
    [Fact]
    public void Within_a_window_only_the_first_commit_carries_the_notify()
    {
        var throttle = new NotificationThrottle(TimeSpan.FromMinutes(1), new WakeUp(), () => Task.CompletedTask);

        Assert.True(throttle.TryTake());
        Assert.All(Enumerable.Range(0, 10), _ => Assert.False(throttle.TryTake()));
    }

    [Fact]
    public async Task Held_back_commits_wake_local_waiters_at_once_and_one_trailing_notify_follows_even_after_a_trailing_one_started()
    {
        var local = new WakeUp();
        var sent = 0;
        var firstSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var throttle = new NotificationThrottle(TimeSpan.FromMilliseconds(300), local, () =>
        {
            (Interlocked.Increment(ref sent) == 1 ? firstSent : secondSent).TrySetResult();
            return Task.CompletedTask;
        });
        Assert.True(throttle.TryTake());

        var waiting = local.Current;
        throttle.HeldBack();
        throttle.HeldBack();
        throttle.HeldBack();

        Assert.True(waiting.IsCompleted);
        await firstSent.Task.WaitAsync(TestHub.Timeout);

        // A commit held back once the trailing NOTIFY went out is covered by another one.
        throttle.HeldBack();
        await secondSent.Task.WaitAsync(TestHub.Timeout);
    }

    [Fact]
    public async Task Two_workers_with_a_long_coalescing_window_still_complete_every_instance()
    {
        await using var hub = await TestHub.CreateAsync("coalesce", s => s with { NotificationCoalescingWindow = TimeSpan.FromSeconds(1) });
        await hub.StartWorkerAsync();
        await hub.StartWorkerAsync();

        var instances = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            hub.Client.CreateOrchestrationInstanceAsync(typeof(GreetTwice), $"coalesce-{i}", $"n{i}")));
        var states = await Task.WhenAll(instances.Select(hub.WaitAsync));

        Assert.All(states, s => Assert.Equal(OrchestrationStatus.Completed, s.OrchestrationStatus));
        Assert.All(states, s => Assert.Equal($"\"Hello, Hello, n{s.OrchestrationInstance.InstanceId["coalesce-".Length..]}!!\"", s.Output));
    }
}
