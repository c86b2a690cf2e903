using Microsoft.Extensions.Diagnostics.HealthChecks;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Operations;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Tests.Operations;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task Is_unhealthy_without_echoing_the_connection_string_when_the_database_is_unreachable()
    {
        var unreachable = $"Host=127.0.0.1;Port={FreePort()};Username=u;Password=secret-password;Timeout=2";
        await using var database = new AppDatabase(await PostgresConnection.AcquireAsync(unreachable), "hub");

        var result = await new DatabaseHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("secret-password", result.Description);
    }

    [Fact]
    public async Task Is_healthy_when_the_database_answers()
    {
        await using var database = new AppDatabase(await PostgresConnection.AcquireAsync(await SharedPostgres.CreateDatabaseAsync(nameof(DatabaseHealthCheckTests))), "hub");

        var result = await new DatabaseHealthCheck(database).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
