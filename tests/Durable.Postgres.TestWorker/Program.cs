using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Durable.Postgres.Tests.Workers.Scenarios;

namespace PaymentFunctions.Durable.Postgres.TestWorker;

/// <summary>
/// A durable worker in its own process for the crash test: <c>dotnet PaymentFunctions.Durable.Postgres.TestWorker.dll
/// CONNECTION_STRING HUB LOCK_TIMEOUT_SECONDS</c>. It prints "ready" once working, "start/end {step}" around every
/// activity, and stops when its standard input closes (so it never outlives the test that started it).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync("usage: CONNECTION_STRING HUB LOCK_TIMEOUT_SECONDS");
            return 2;
        }

        var lockTimeout = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture));
        var journal = new ActivityJournal { Lines = Console.Out.WriteLine };
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(new StandardErrorLoggerProvider()));
        services
            .AddDurableTask(
                registry => MixedWorkload.Register(registry, journal, SlowActivities.Delay),
                worker =>
                {
                    worker.MaxConcurrentActivityFunctions = 16;
                    worker.MaxConcurrentOrchestratorFunctions = 16;
                    worker.LockRenewalInterval = lockTimeout / 3;
                })
            .UsePostgres(store =>
            {
                store.ConnectionString = args[0];
                store.HubName = args[1];
                store.LockTimeout = lockTimeout;
            });

        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        Console.Out.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
