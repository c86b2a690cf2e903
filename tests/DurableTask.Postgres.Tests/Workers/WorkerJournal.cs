using Npgsql;
using PaymentFunctions.DurableTask.Postgres.TestWorker;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>An activity run a test worker recorded; <see cref="FinishedAt"/> is null when its process died during it.</summary>
internal sealed record StepRun(string InstanceId, int Step, int Pid, DateTime StartedAt, DateTime? FinishedAt);

/// <summary>An orchestration episode a test worker ran (recorded after it ran, so a killed one is missing).</summary>
internal sealed record EpisodeRun(string InstanceId, int Pid, DateTime StartedAt, DateTime FinishedAt);

/// <summary>Reads what the test workers of one hub recorded in the test database.</summary>
internal sealed class WorkerJournal(string connectionString, string hub)
{
    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(WorkerContract.CreateJournalSql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task<IReadOnlyList<StepRun>> StepsAsync() => this.ReadAsync(
        "SELECT instance_id, step, pid, started_at, finished_at FROM test_worker.steps WHERE hub = $1 ORDER BY id",
        r => new StepRun(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetDateTime(3), r.IsDBNull(4) ? null : r.GetDateTime(4)));

    public Task<IReadOnlyList<EpisodeRun>> EpisodesAsync() => this.ReadAsync(
        "SELECT instance_id, pid, started_at, finished_at FROM test_worker.episodes WHERE hub = $1 ORDER BY id",
        r => new EpisodeRun(r.GetString(0), r.GetInt32(1), r.GetDateTime(2), r.GetDateTime(3)));

    /// <summary>
    /// Pairs of runs of one instance whose intervals overlap, as "instance: pid a [..] / pid b [..]": episodes of one
    /// instance, and the steps of a sequence, must each follow the one before.
    /// </summary>
    public static IReadOnlyList<string> Overlaps(IEnumerable<(string InstanceId, int Pid, DateTime StartedAt, DateTime FinishedAt)> runs) =>
        [.. runs.GroupBy(r => r.InstanceId).SelectMany(group =>
        {
            var ordered = group.OrderBy(r => r.StartedAt).ToList();
            return ordered.Zip(ordered.Skip(1))
                .Where(pair => pair.Second.StartedAt < pair.First.FinishedAt)
                .Select(pair => $"{group.Key}: pid {pair.First.Pid} [{pair.First.StartedAt:HH:mm:ss.ffffff}-{pair.First.FinishedAt:HH:mm:ss.ffffff}] / pid {pair.Second.Pid} [{pair.Second.StartedAt:HH:mm:ss.ffffff}-{pair.Second.FinishedAt:HH:mm:ss.ffffff}]");
        })];

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        var rows = new List<T>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(hub);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
