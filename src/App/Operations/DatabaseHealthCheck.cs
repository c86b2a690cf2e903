using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentFunctions.App.Hosting;

namespace PaymentFunctions.App.Operations;

/// <summary>Ready means the database answers: without it the host can neither start nor advance anything.</summary>
internal sealed class DatabaseHealthCheck(AppDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The message only: a connection error may echo parts of the connection string.
            return HealthCheckResult.Unhealthy("The database does not answer: " + ex.GetType().Name);
        }
    }
}
