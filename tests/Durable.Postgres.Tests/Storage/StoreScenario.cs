using Npgsql;
using PaymentFunctions.Durable.Client;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Postgres.Tests.Storage;

/// <summary>Builds the messages and checkpoints a worker would, and reads tables directly for assertions.</summary>
internal static class StoreScenario
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static OrchestrationMessage StartMessage(string instanceId, string name = "Sample", DateTimeOffset? at = null)
        => new(instanceId, new ExecutionStartedEvent(at ?? Start, name, null, "\"input\"", Guid.NewGuid().ToString("N")));

    public static async Task<OrchestrationWorkItem> CreateAndLockAsync(IOrchestrationStore store, string instanceId)
    {
        await store.CreateInstanceAsync(StartMessage(instanceId), []);
        var items = await store.LockOrchestrationWorkItemsAsync(10);
        return Assert.Single(items, i => i.InstanceId == instanceId);
    }

    /// <summary>The checkpoint of a first episode that schedules activities and sends messages.</summary>
    public static OrchestrationCheckpoint Episode(
        OrchestrationWorkItem item,
        OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running,
        IReadOnlyList<string>? activities = null,
        IReadOnlyList<OrchestrationMessage>? messages = null)
    {
        var now = Start;
        var started = item.History.OfType<ExecutionStartedEvent>().FirstOrDefault() ?? item.Messages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
        var scheduled = (activities ?? []).Select((name, i) => new TaskScheduledEvent(i, now, name, null, $"\"{name}-input\"", i)).ToList();
        List<HistoryEvent> history = [new OrchestratorStartedEvent(now), .. item.Messages.Select(m => m.Event), .. scheduled];
        if (status == OrchestrationRuntimeStatus.Completed)
        {
            history.Add(new ExecutionCompletedEvent(now, status, "\"done\""));
        }

        history.Add(new OrchestratorCompletedEvent(now));
        var state = item.State! with
        {
            Status = status,
            Output = status == OrchestrationRuntimeStatus.Completed ? "\"done\"" : null,
            CompletedAt = status.IsTerminal() ? now : null,
        };
        return new(
            history,
            false,
            state,
            [.. scheduled.Select(s => new ActivityRequest(item.InstanceId, started.ExecutionId, 0, s))],
            messages ?? []);
    }

    public static async Task<long> CountAsync(string connectionString, string table, string hub)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM durable.{table} WHERE hub = @hub");
        command.Parameters.AddWithValue("hub", hub);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
