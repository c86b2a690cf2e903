using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.Benchmarks.Durable.Scenarios;

/// <summary>Scheduling and watching many instances through the public client only.</summary>
internal static class Instances
{
    public static string Id(string prefix, int index) => prefix + index.ToString("D6", CultureInfo.InvariantCulture);

    public static Task ScheduleAsync(DurableTaskClient client, string orchestrator, string prefix, int count, Func<int, object?> input, CancellationToken cancellationToken)
        => Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = BenchmarkSettings.ScheduleParallelism, CancellationToken = cancellationToken },
            async (i, token) => await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input(i), new StartOrchestrationOptions(Id(prefix, i)), token));

    /// <summary>Polls until no instance of the prefix is in any of <paramref name="statuses"/>.</summary>
    public static async Task WaitUntilNoneAsync(DurableTaskClient client, string prefix, OrchestrationRuntimeStatus[] statuses, TimeSpan poll, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = statuses, PageSize = 1 };
        while (true)
        {
            var page = await FirstPageAsync(client, query, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    /// <summary>How many instances of the prefix are in the status.</summary>
    public static async Task<int> CountAsync(DurableTaskClient client, string prefix, OrchestrationRuntimeStatus status, CancellationToken cancellationToken)
    {
        var count = 0;
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, Statuses = [status], PageSize = 1_000 };
        await foreach (var _ in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static async Task<IReadOnlyList<OrchestrationMetadata>> FirstPageAsync(DurableTaskClient client, OrchestrationQuery query, CancellationToken cancellationToken)
    {
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages().WithCancellation(cancellationToken))
        {
            return page.Values;
        }

        return [];
    }
}
