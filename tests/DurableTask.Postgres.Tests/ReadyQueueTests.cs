using DurableTask.Core;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>The ready queue under races the dispatcher cannot be relied on to produce: a checkpoint is held open by hand.</summary>
public sealed class ReadyQueueTests
{
    [Fact]
    public async Task An_event_sent_while_the_first_episode_commits_makes_the_instance_ready()
    {
        await using var hub = await TestHub.CreateAsync("ready");
        var instance = await hub.Client.CreateOrchestrationInstanceAsync(typeof(AwaitApproval), Guid.NewGuid().ToString("N"), "Di");
        var key = new Dictionary<string, object> { ["hub"] = hub.Settings.TaskHubName, ["id"] = instance.InstanceId };

        // What the first episode's checkpoint does before it commits: the instance is Running now, its start is
        // consumed, and no other message is left, so it is not ready.
        await using var checkpoint = new NpgsqlConnection(hub.Settings.ConnectionString);
        await checkpoint.OpenAsync();
        await using var transaction = await checkpoint.BeginTransactionAsync();
        await ExecuteAsync(checkpoint, """
            UPDATE durable.instances SET status = 0, ready_at = NULL WHERE hub = @hub AND instance_id = @id;
            DELETE FROM durable.messages WHERE hub = @hub AND instance_id = @id
            """, key);

        // The event's snapshot still shows the instance Pending, for which only a start makes it ready.
        var raise = hub.Client.RaiseEventAsync(instance, "approve", "now");
        await WaitUntilBlockedOrDoneAsync(hub.Settings.ConnectionString, checkpoint.ProcessID, raise);
        await transaction.CommitAsync();
        await raise;

        var readyAt = await ScalarAsync(hub.Settings.ConnectionString, "SELECT ready_at FROM durable.instances WHERE hub = @hub AND instance_id = @id", key);
        Assert.IsType<long>(readyAt);
        Assert.True((long)readyAt <= DateTime.UtcNow.Ticks, $"ready at {readyAt}, in the future");
        var waiting = await ScalarAsync(hub.Settings.ConnectionString, "SELECT count(*) FROM durable.messages WHERE hub = @hub AND instance_id = @id", key);
        Assert.Equal(1L, waiting);
    }

    /// <summary>Until <paramref name="sender"/> waits for the backend <paramref name="blocker"/> or has finished without waiting.</summary>
    private static async Task WaitUntilBlockedOrDoneAsync(string connectionString, int blocker, Task sender)
    {
        var deadline = DateTime.UtcNow + TestHub.Timeout;
        while (!sender.IsCompleted && DateTime.UtcNow < deadline)
        {
            var blocked = await ScalarAsync(
                connectionString, "SELECT count(*) FROM pg_stat_activity WHERE @blocker = ANY(pg_blocking_pids(pid))", new() { ["blocker"] = blocker });
            if ((long)blocked! > 0)
            {
                return;
            }

            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Dictionary<string, object> parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, Dictionary<string, object> parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
