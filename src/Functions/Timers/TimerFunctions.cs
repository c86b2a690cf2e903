using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Payments.Automation;
using PaymentFunctions.App.Samples;
using PaymentFunctions.Functions.Durable;

namespace PaymentFunctions.Functions.Timers;

/// <summary>
/// The self-hosted app's timers as timer functions: the same names, the same NCRONTAB schedules read from the same
/// app settings, and the same work. The Functions host keeps one run per occurrence across instances.
/// </summary>
public static class TimerFunctions
{
    /// <summary>Deposit detection (<c>Payments:DepositDetectionSchedule</c>).</summary>
    [Function("PaymentDeposits")]
    public static Task DepositsAsync(
        [TimerTrigger("%Payments:DepositDetectionSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunProcessAsync(PaymentProcesses.Deposits, client, function);

    /// <summary>Custody report (<c>Payments:CustodyReportSchedule</c>).</summary>
    [Function("PaymentCustody")]
    public static Task CustodyAsync(
        [TimerTrigger("%Payments:CustodyReportSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunProcessAsync(PaymentProcesses.Custody, client, function);

    /// <summary>Chain sync (<c>Payments:ChainSyncSchedule</c>).</summary>
    [Function("PaymentSync")]
    public static Task SyncAsync(
        [TimerTrigger("%Payments:ChainSyncSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunProcessAsync(PaymentProcesses.Sync, client, function);

    /// <summary>Stuck-payment detection (<c>Payments:StuckDetectionSchedule</c>).</summary>
    [Function("PaymentStuck")]
    public static Task StuckAsync(
        [TimerTrigger("%Payments:StuckDetectionSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function) =>
        RunProcessAsync(PaymentProcesses.Stuck, client, function);

    /// <summary>History purge (<c>PurgeHistorySchedule</c>, keeping <c>PurgeHistoryRetentionDays</c>).</summary>
    [Function(SampleTimers.PurgeHistory)]
    public static async Task<PurgeResult> PurgeHistoryAsync(
        [TimerTrigger("%PurgeHistorySchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        BoundDurableTaskClient.Bind(client);
        var services = function.InstanceServices;
        return await SampleTimers.PurgeAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow(), function.CancellationToken);
    }

    private static async Task RunProcessAsync(string process, DurableTaskClient client, FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var services = function.InstanceServices;
        if (!services.GetRequiredService<PaymentsFeature>().Enabled)
        {
            return; // the self-hosted app declares no payment timers then either
        }

        BoundDurableTaskClient.Bind(client);
        await services.GetRequiredService<PaymentAutomation>().RunAsync(process, "timer", function.CancellationToken);
    }
}
