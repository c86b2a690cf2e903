using DurableTask.Core;
using DurableTask.Core.History;
using Npgsql;
using PaymentFunctions.DurableTask.Postgres.Schema;
using PaymentFunctions.DurableTask.Postgres.Storage;
using PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;

namespace PaymentFunctions.DurableTask.Postgres.Tests;

/// <summary>The versioned scripts apply once, however many processes start together.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task Applying_the_schema_concurrently_and_again_applies_each_script_once()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var schema = $"s_{Guid.NewGuid():N}"[..20];
        var services = Enumerable.Range(0, 4)
            .Select(i => new PostgresOrchestrationService(new() { ConnectionString = connectionString, TaskHubName = $"hub{i}", SchemaName = schema }))
            .ToList();
        try
        {
            var applied = await Task.WhenAll(services.Select(s => s.ApplySchemaAsync(CancellationToken.None)));

            Assert.Equal([1, 2], applied.SelectMany(a => a).Order());
            Assert.Empty(await services[0].ApplySchemaAsync(CancellationToken.None));
            await services[1].CreateIfNotExistsAsync();
            await services[2].CreateAsync(recreateInstanceStore: true);
            Assert.Empty(await services[3].GetOrchestrationStateAsync("x", false));
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_hub_of_version_1_with_queued_work_is_upgraded_and_its_ready_instances_are_handed_out()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var schema = $"s_{Guid.NewGuid():N}"[..20];
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var version1 = SchemaScripts.All.Single(s => s.Version == 1);
            await using var setUp = new NpgsqlCommand(
                $"""
                CREATE SCHEMA {schema};
                CREATE TABLE {schema}.schema_versions (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                {version1.Sql.Replace(SchemaScripts.SchemaToken, schema, StringComparison.Ordinal)}
                INSERT INTO {schema}.schema_versions (version, name) VALUES (1, '{version1.Name}');
                INSERT INTO {schema}.instances (hub, instance_id, name, status, created_at, last_updated_at)
                VALUES ('hub', 'started', 'Greet', 6, 1, 1), ('hub', 'not-started', 'Greet', 6, 1, 1);
                INSERT INTO {schema}.messages (hub, instance_id, event_type, visible_at, message)
                VALUES ('hub', 'started', 0, 0, @start), ('hub', 'not-started', 3, 0, @raised);
                """,
                connection);
            setUp.Parameters.AddWithValue("start", DurableJson.Serialize(Message("started", new ExecutionStartedEvent(-1, "\"Ada\"") { Name = "Greet" })));
            setUp.Parameters.AddWithValue("raised", DurableJson.Serialize(Message("not-started", new EventRaisedEvent(-1, "1") { Name = "Go" })));
            await setUp.ExecuteNonQueryAsync();
        }

        await using var service = new PostgresOrchestrationService(new() { ConnectionString = connectionString, TaskHubName = "hub", SchemaName = schema });

        Assert.Equal([2], await service.ApplySchemaAsync(CancellationToken.None));
        var item = await service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal("started", item.InstanceId);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(item.NewMessages).Event);
        // Events raised before a start wait for it, as before the upgrade.
        Assert.Null(await service.LockNextTaskOrchestrationWorkItemAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private static TaskMessage Message(string instanceId, HistoryEvent historyEvent)
    {
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = "e1" };
        if (historyEvent is ExecutionStartedEvent start)
        {
            start.OrchestrationInstance = instance;
        }

        return new TaskMessage { Event = historyEvent, OrchestrationInstance = instance };
    }
}
