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

            Assert.Equal([1], applied.SelectMany(a => a).Order());
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
}
