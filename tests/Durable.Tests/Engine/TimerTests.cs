using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class TimerTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Durable_timer_resumes_the_orchestrator_no_earlier_than_its_fire_time()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, DateTime[]>("Sleep", async (context, _) =>
            {
                var before = context.CurrentUtcDateTime;
                var fireAt = before.AddMilliseconds(300);
                await context.CreateTimer(fireAt, CancellationToken.None);
                return [fireAt, context.CurrentUtcDateTime];
            }));

        var result = await host.RunAsync("Sleep");
        var times = result.ReadOutputAs<DateTime[]>()!;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(times[1] >= times[0], $"resumed at {times[1]:O}, before {times[0]:O}");
        var history = await host.Client.GetOrchestrationHistoryAsync(result.InstanceId);
        Assert.Contains(history, e => e is TimerFiredEvent { TimerId: 0 });
    }

    [Fact]
    public async Task Event_that_wins_a_race_against_a_timer_cancels_the_timer()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Race", RaceAsync));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await host.WaitUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await host.Client.RaiseEventAsync(id, "Approve", "ok");
        var result = await host.WaitAsync(id);

        Assert.Equal("event:ok", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Timer_that_wins_a_race_against_an_event_times_the_wait_out()
    {
        await using var host = await this.StartAsync(r => r.AddOrchestratorFunc<object?, string>("Race", async (context, _) =>
        {
            using var cts = new CancellationTokenSource();
            var timer = context.CreateTimer(TimeSpan.FromMilliseconds(200), cts.Token);
            var approval = context.WaitForExternalEvent<string>("Approve", cts.Token);
            var winner = await Task.WhenAny(timer, approval);
            cts.Cancel(); // Cancel, not CancelAsync: orchestrator code must stay on the replay thread.
            return winner == timer ? "timeout" : "event";
        }));

        var result = await host.RunAsync("Race");

        Assert.Equal("timeout", result.ReadOutputAs<string>());
    }

    private static async Task<string> RaceAsync(TaskOrchestrationContext context, object? input)
    {
        using var cts = new CancellationTokenSource();
        var timer = context.CreateTimer(TimeSpan.FromMinutes(10), cts.Token);
        var approval = context.WaitForExternalEvent<string>("Approve");
        var winner = await Task.WhenAny(timer, approval);
        if (winner != approval)
        {
            return "timeout";
        }

        cts.Cancel(); // Cancel, not CancelAsync: orchestrator code must stay on the replay thread.
        return timer.IsCanceled ? $"event:{await approval}" : "timer not cancelled";
    }
}
