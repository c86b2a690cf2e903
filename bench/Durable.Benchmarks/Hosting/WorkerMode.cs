using System.Globalization;
using PaymentFunctions.Benchmarks.Durable.Workloads;

namespace PaymentFunctions.Benchmarks.Durable.Hosting;

/// <summary>
/// The benchmark's own executable as a bare worker process (<c>--worker CONNECTION HUB CONCURRENCY</c>), so its
/// memory can be measured apart from the client and the database. It prints "ready" when working and stops when its
/// standard input closes.
/// </summary>
internal static class WorkerMode
{
    public const string Switch = "--worker";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4)
        {
            await Console.Error.WriteLineAsync($"usage: {Switch} CONNECTION_STRING HUB CONCURRENCY");
            return 2;
        }

        var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);
        await using var host = new EngineHost(args[1], args[2], concurrency, registry => BenchWorkload.Register(registry, new StepCounters()));
        await host.StartAsync(CancellationToken.None);
        Console.Out.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        return 0;
    }
}
