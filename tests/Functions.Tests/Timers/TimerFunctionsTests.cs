using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.Functions.Timers;

namespace PaymentFunctions.Functions.Tests.Timers;

/// <summary>The timer functions, called as the Functions host calls them on their schedules.</summary>
public sealed class TimerFunctionsTests(PurgeTaskHub hub) : IClassFixture<PurgeTaskHub>
{
    [Fact]
    public async Task The_purge_removes_finished_instances_older_than_the_retention_through_the_bound_client()
    {
        var instanceId = "purge-" + Guid.NewGuid().ToString("N");
        await hub.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence", "Eva", new StartOrchestrationOptions(instanceId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.CompletionAsync(instanceId)).RuntimeStatus);

        var result = await TimerFunctions.PurgeHistoryAsync(new TimerInfo(), hub.Client, Invocations.Of("PurgeHistory", hub.FunctionServices));

        Assert.True(result.PurgedInstanceCount >= 1);
        Assert.Null(await hub.Client.GetInstanceAsync(instanceId));
    }

    [Fact]
    public async Task Without_payments_the_payment_timers_run_nothing()
    {
        // The self-hosted app declares no payment timers without Chain:RpcUrl; the functions exist but do no work,
        // and in particular never reach for the payment services that are not registered.
        var invocation = Invocations.Of("PaymentDeposits", hub.FunctionServices);

        await TimerFunctions.DepositsAsync(new TimerInfo(), hub.Client, invocation);
        await TimerFunctions.CustodyAsync(new TimerInfo(), hub.Client, invocation);
        await TimerFunctions.SyncAsync(new TimerInfo(), hub.Client, invocation);
        await TimerFunctions.StuckAsync(new TimerInfo(), hub.Client, invocation);

        Assert.Null(hub.FunctionServices.GetService(typeof(App.Payments.Automation.PaymentAutomation)));
    }
}
