using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using PaymentFunctions.LocalStack.Azurite;
using Xunit.Abstractions;

namespace PaymentFunctions.LocalStack.Tests.Azurite;

/// <summary>
/// Proves the Durable Task Framework's Azure Storage provider runs on <see cref="AzuriteServer"/>, and pins the
/// settings that work locally.
/// </summary>
public sealed class DurableTaskOnAzuriteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_orchestration_calls_an_activity_and_completes_with_its_output()
    {
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteServer.StartAsync();
        var azuriteStarted = clock.Elapsed;

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            // Letters and digits only, 3-45 characters, starting with a letter: it names queues, tables and a container.
            TaskHubName = "hub" + Guid.NewGuid().ToString("N")[..20],
            StorageAccountClientProvider = new StorageAccountClientProvider(azurite.ConnectionString),

            // The default 30 s back-off leaves an idle worker seconds behind a new message.
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
        });
        await service.CreateIfNotExistsAsync();
        var hubCreated = clock.Elapsed;

        var worker = new TaskHubWorker(service);
        worker.AddTaskOrchestrations(typeof(GreetOrchestration));
        worker.AddTaskActivities(typeof(GreetActivity));
        await worker.StartAsync();
        var workerStarted = clock.Elapsed;
        try
        {
            var client = new TaskHubClient(service);
            var instance = await client.CreateOrchestrationInstanceAsync(typeof(GreetOrchestration), "Ada");

            // TaskHubClient.WaitForOrchestrationAsync polls about every 2 s on Azure Storage: poll faster here.
            var state = await PollUntilDoneAsync(client, instance, TimeSpan.FromSeconds(60));
            var completed = clock.Elapsed;
            output.WriteLine(
                $"azurite {azuriteStarted.TotalSeconds:0.00} s, hub {hubCreated.TotalSeconds:0.00} s, " +
                $"worker {workerStarted.TotalSeconds:0.00} s, orchestration done {completed.TotalSeconds:0.00} s");

            Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
            Assert.Equal("\"Hello, Ada!\"", state.Output); // DTFx's default converter writes JSON
        }
        finally
        {
            await worker.StopAsync(isForced: true);
        }
    }

    private static async Task<OrchestrationState> PollUntilDoneAsync(TaskHubClient client, OrchestrationInstance instance, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var state = await client.GetOrchestrationStateAsync(instance);
            if (state?.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
            {
                return state;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{instance.InstanceId} is still {state?.OrchestrationStatus} after {timeout}.");
            }

            await Task.Delay(100);
        }
    }

    private sealed class GreetOrchestration : TaskOrchestration<string, string>
    {
        public override Task<string> RunTask(OrchestrationContext context, string input) =>
            context.ScheduleTask<string>(typeof(GreetActivity), input);
    }

    private sealed class GreetActivity : TaskActivity<string, string>
    {
        protected override string Execute(TaskContext context, string input) => $"Hello, {input}!";
    }
}
