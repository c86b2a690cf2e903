using System.Collections.Concurrent;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class RetryTests(IStoreFactory stores) : EngineTests(stores)
{
    private readonly ConcurrentDictionary<string, int> attempts = new();

    [Fact]
    public async Task Retries_until_the_activity_succeeds_and_keeps_one_idempotency_key()
    {
        var keys = new ConcurrentBag<string>();
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Retry", (context, failures) => context.CallActivityAsync<int>(
                "Flaky", failures, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMilliseconds(50)))))
            .AddActivityFunc<int, int>("Flaky", (context, failures) =>
            {
                keys.Add(context.IdempotencyKey);
                var attempt = this.attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                return attempt <= failures ? throw new TimeoutException($"attempt {attempt}") : attempt;
            }));

        var result = await host.RunAsync("Retry", 2);

        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Single(keys.Distinct());
        Assert.Equal(3, keys.Count);
    }

    [Fact]
    public async Task Gives_up_after_max_attempts_with_the_last_failure()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Retry", async (context, _) => await context.CallActivityAsync<object?>(
                "AlwaysFails", null, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(20)))))
            .AddActivityFunc<object?, object?>("AlwaysFails", (context, _) =>
                throw new TimeoutException($"attempt {this.attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1)}")));

        var result = await host.RunAsync("Retry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("attempt 3", result.FailureDetails?.InnerFailure?.ErrorMessage);
        Assert.Equal(3, this.attempts[result.InstanceId]);
    }

    [Fact]
    public async Task Handle_predicate_stops_retries_for_failures_it_rejects()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(20))
        {
            Handle = ex => ex is TaskFailedException f && f.FailureDetails.IsCausedBy<TimeoutException>(),
        };
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Retry", async (context, _) => await context.CallActivityAsync<object?>("Rejects", null, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<object?, object?>("Rejects", (context, _) =>
            {
                this.attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                throw new ArgumentException("invalid CLABE");
            }));

        var result = await host.RunAsync("Retry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(1, this.attempts[result.InstanceId]);
    }

    [Fact]
    public async Task Waits_between_attempts_are_durable_timers_with_exponential_backoff_capped_at_max_interval()
    {
        var policy = new RetryPolicy(4, TimeSpan.FromMilliseconds(100), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMilliseconds(300));
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Retry", async (context, _) => await context.CallActivityAsync<object?>("AlwaysFails", null, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<object?, object?>("AlwaysFails", (_, _) => throw new TimeoutException()));

        var result = await host.RunAsync("Retry");
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);

        // Each wait is a TimerCreated whose fire time is the configured delay after the episode that created it.
        var waits = history.OfType<TimerCreatedEvent>().Select(t => (t.FireAt - t.Timestamp).TotalMilliseconds).ToList();
        Assert.Equal(3, waits.Count);
        Assert.Equal([100, 200, 300], waits.Select(w => Math.Round(w / 100) * 100));
        Assert.Equal(4, history.OfType<TaskScheduledEvent>().Count());
        Assert.Single(history.OfType<TaskScheduledEvent>().Select(t => t.StepId).Distinct());
    }

    [Fact]
    public async Task Retry_timeout_stops_new_attempts()
    {
        // The second wait (10 s) would end past the 5 s retry timeout, so exactly two attempts run, however slow the machine.
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(200), backoffCoefficient: 50, retryTimeout: TimeSpan.FromSeconds(5));
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Retry", async (context, _) => await context.CallActivityAsync<object?>("AlwaysFails", null, TaskOptions.FromRetryPolicy(policy)))
            .AddActivityFunc<object?, object?>("AlwaysFails", (context, _) =>
            {
                this.attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                throw new TimeoutException();
            }));

        var result = await host.RunAsync("Retry");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(2, this.attempts[result.InstanceId]);
    }
}
