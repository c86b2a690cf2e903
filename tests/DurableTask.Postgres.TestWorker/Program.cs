using System.Globalization;
using System.Runtime.InteropServices;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace PaymentFunctions.DurableTask.Postgres.TestWorker;

/// <summary>
/// A <see cref="TaskHubWorker"/> on <see cref="PostgresOrchestrationService"/> in its own process, for the process
/// tests: <c>dotnet PaymentFunctions.DurableTask.Postgres.TestWorker.dll [CONNECTION_STRING HUB] [--lock-timeout
/// SECONDS] [--concurrency N] [--exit-on-stdin-close]</c>, the connection string and hub falling back to
/// DURABLETASK_TEST_WORKER_CONNECTION and DURABLETASK_TEST_WORKER_HUB. It prints "ready" once polling, and on
/// SIGTERM or SIGINT (or end of standard input, when asked, so it never outlives a test that died) it stops
/// gracefully, letting running work finish, prints "stopped" and exits 0.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: [CONNECTION_STRING HUB] [--lock-timeout SECONDS] [--concurrency N] [--exit-on-stdin-close]";

    public static async Task<int> Main(string[] args)
    {
        var positional = new List<string>();
        var lockTimeout = TimeSpan.FromSeconds(30);
        var concurrency = 8;
        var exitOnStdinClose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lock-timeout" when i + 1 < args.Length:
                    lockTimeout = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--concurrency" when i + 1 < args.Length:
                    concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--exit-on-stdin-close":
                    exitOnStdinClose = true;
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        var connectionString = positional.ElementAtOrDefault(0) ?? Environment.GetEnvironmentVariable(WorkerContract.ConnectionStringVariable);
        var hub = positional.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable(WorkerContract.HubVariable);
        if (positional.Count > 2 || string.IsNullOrWhiteSpace(connectionString) || string.IsNullOrWhiteSpace(hub))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        using var stopping = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        if (exitOnStdinClose)
        {
            _ = Task.Run(async () =>
            {
                while (await Console.In.ReadLineAsync() is not null)
                {
                }

                await stopping.CancelAsync();
            });
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var settings = new PostgresOrchestrationServiceSettings
        {
            ConnectionString = connectionString,
            TaskHubName = hub,
            WorkItemLockTimeout = lockTimeout,
            MaxConcurrentTaskOrchestrationWorkItems = concurrency,
            MaxConcurrentTaskActivityWorkItems = concurrency,
        };
        await using var service = new PostgresOrchestrationService(settings, loggerFactory);
        await service.CreateIfNotExistsAsync();
        await using var journal = new Journal(connectionString, hub);
        await journal.CreateAsync();

        using var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(new NameValueObjectCreator<TaskOrchestration>(WorkerContract.SequenceName, "", typeof(Sequence)));
        worker.AddTaskActivities(new NameValueObjectCreator<TaskActivity>(WorkerContract.StepName, "", new Step(journal)));
        worker.AddOrchestrationDispatcherMiddleware(async (context, next) =>
        {
            var instanceId = context.GetProperty<OrchestrationRuntimeState>().OrchestrationInstance!.InstanceId;
            var startedAt = DateTime.UtcNow;
            await next();
            await journal.EpisodeAsync(instanceId, startedAt, DateTime.UtcNow);
        });
        await worker.StartAsync();
        Console.Out.WriteLine(WorkerContract.ReadyLine);

        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await worker.StopAsync(isForced: false);
        Console.Out.WriteLine(WorkerContract.StoppedLine);
        return 0;
    }
}
