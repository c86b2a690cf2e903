using Npgsql;

namespace PaymentFunctions.DurableTask.Postgres.TestWorker;

/// <summary>
/// Writes what this process ran into the test database: a row per activity run (finished_at stays null when the
/// process died during it) and a row per orchestration episode, each with this process's id.
/// </summary>
internal sealed class Journal(string connectionString, string hub) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 10 }.ConnectionString);

    public async Task CreateAsync()
    {
        await using var command = this.dataSource.CreateCommand(WorkerContract.CreateJournalSql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Records that a step started here; returns the row to finish.</summary>
    public async Task<long> StepStartedAsync(string instanceId, int step)
    {
        await using var command = this.dataSource.CreateCommand(
            "INSERT INTO test_worker.steps (hub, instance_id, step, pid, started_at) VALUES ($1, $2, $3, $4, $5) RETURNING id");
        command.Parameters.AddWithValue(hub);
        command.Parameters.AddWithValue(instanceId);
        command.Parameters.AddWithValue(step);
        command.Parameters.AddWithValue(Environment.ProcessId);
        command.Parameters.AddWithValue(DateTime.UtcNow);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task StepFinishedAsync(long id)
    {
        await using var command = this.dataSource.CreateCommand("UPDATE test_worker.steps SET finished_at = $1 WHERE id = $2");
        command.Parameters.AddWithValue(DateTime.UtcNow);
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EpisodeAsync(string instanceId, DateTime startedAt, DateTime finishedAt)
    {
        await using var command = this.dataSource.CreateCommand(
            "INSERT INTO test_worker.episodes (hub, instance_id, pid, started_at, finished_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.AddWithValue(hub);
        command.Parameters.AddWithValue(instanceId);
        command.Parameters.AddWithValue(Environment.ProcessId);
        command.Parameters.AddWithValue(startedAt);
        command.Parameters.AddWithValue(finishedAt);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => this.dataSource.DisposeAsync();
}
