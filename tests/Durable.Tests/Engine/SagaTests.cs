using System.Collections.Concurrent;
using PaymentFunctions.Durable.Client;

namespace PaymentFunctions.Durable.Tests.Engine;

public abstract class SagaTests(IStoreFactory stores) : EngineTests(stores)
{
    [Fact]
    public async Task Saga_compensates_completed_steps_in_reverse_order_when_a_late_step_fails()
    {
        var log = new ConcurrentQueue<string>();
        await using var host = await this.StartAsync(r => r
            .AddOrchestratorFunc<object?, object?>("Saga", async (context, _) =>
            {
                var compensations = new Stack<string>();
                try
                {
                    foreach (var step in new[] { "Withdraw", "Approve", "CreateEscrow", "Payout" })
                    {
                        await context.CallActivityAsync("Do", step);
                        compensations.Push(step);
                    }
                }
                catch (TaskFailedException)
                {
                    while (compensations.TryPop(out var done))
                    {
                        await context.CallActivityAsync("Undo", done);
                    }

                    throw;
                }

                return null;
            })
            .AddActivityFunc<string, object?>("Do", (_, step) =>
            {
                log.Enqueue($"do {step}");
                return step == "Payout" ? throw new InvalidOperationException("payout rejected") : (object?)null;
            })
            .AddActivityFunc<string, object?>("Undo", (_, step) =>
            {
                log.Enqueue($"undo {step}");
                return (object?)null;
            }));

        var result = await host.RunAsync("Saga");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(
            ["do Withdraw", "do Approve", "do CreateEscrow", "do Payout", "undo CreateEscrow", "undo Approve", "undo Withdraw"],
            log);
    }
}
