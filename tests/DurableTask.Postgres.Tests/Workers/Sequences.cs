using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;
using Newtonsoft.Json;
using PaymentFunctions.DurableTask.Postgres.TestWorker;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>Starting the test worker's sequences from a <see cref="TaskHubClient"/> and checking how they ended.</summary>
internal static class Sequences
{
    /// <summary>
    /// Starts the instances through a client of <paramref name="service"/> that writes plain JSON: DTFx's default
    /// converter names the input's .NET type, and the worker's copy of <see cref="SequenceInput"/> lives in another assembly.
    /// </summary>
    public static Task StartAsync(PostgresOrchestrationService service, IEnumerable<string> instanceIds, SequenceInput input, CancellationToken cancellationToken)
    {
        var client = new TaskHubClient(service, new JsonDataConverter(new JsonSerializerSettings()));
        return Parallel.ForEachAsync(
            instanceIds,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (id, _) => await client.CreateOrchestrationInstanceAsync(WorkerContract.SequenceName, "", id, input));
    }

    /// <summary>
    /// Waits (until <paramref name="deadline"/>) for every instance, and asserts each Completed exactly once with every
    /// step's result: one ExecutionCompletedEvent and one TaskCompletedEvent per step in its history.
    /// </summary>
    public static async Task AssertAllCompletedAsync(TaskHubClient client, IEnumerable<string> instanceIds, int steps, DateTime deadline, Func<string> diagnostics)
    {
        foreach (var id in instanceIds)
        {
            var instance = new OrchestrationInstance { InstanceId = id };
            var remaining = deadline - DateTime.UtcNow;
            var state = await client.WaitForOrchestrationAsync(instance, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            Assert.True(state is not null, $"Instance {id} did not finish in time. {diagnostics()}");
            Assert.True(state.OrchestrationStatus == OrchestrationStatus.Completed, $"Instance {id} ended {state.OrchestrationStatus}: {state.FailureDetails}");
            Assert.Equal(JsonConvert.SerializeObject(WorkerContract.SequenceOutput(id, steps)), state.Output);

            var history = PostgresOrchestrationService.ParseHistory(await client.GetOrchestrationHistoryAsync(state.OrchestrationInstance));
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
            Assert.Equal(steps, history.OfType<TaskCompletedEvent>().Count());
        }
    }

    /// <summary>The (instance, step) pairs no worker recorded as finished.</summary>
    public static IReadOnlyList<string> Unfinished(IEnumerable<string> instanceIds, int steps, IReadOnlyList<StepRun> runs)
    {
        var finished = runs.Where(r => r.FinishedAt is not null).Select(r => (r.InstanceId, r.Step)).ToHashSet();
        return [.. instanceIds.SelectMany(id => Enumerable.Range(0, steps).Select(step => (id, step))).Where(p => !finished.Contains(p)).Select(p => $"{p.id}#{p.step}")];
    }
}
