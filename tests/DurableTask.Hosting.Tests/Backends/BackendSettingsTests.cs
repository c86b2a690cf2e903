using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Backends;

public sealed class BackendSettingsTests
{
    [Fact]
    public async Task An_unknown_storage_provider_stops_the_host_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "cosmos",
        }));

        Assert.StartsWith("extensions.durableTask.storageProvider.type: 'cosmos'", error.Message);
    }

    [Fact]
    public async Task A_missing_connection_setting_stops_the_host_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "azureStorage",
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName"] = "HubStorage",
        }));

        Assert.StartsWith("extensions.durableTask.storageProvider.connectionStringName", error.Message);
        Assert.Contains("'HubStorage'", error.Message);
    }

    [Fact]
    public async Task A_connection_setting_that_is_no_storage_account_stops_the_host_naming_it()
    {
        // What azureStorage gets when host.json still names the PostgreSQL setting.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "azureStorage",
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:connectionStringName"] = "DurableStoreConnection",
            ["DurableStoreConnection"] = "Host=127.0.0.1;Port=5432;Database=payments;Username=app",
        }));

        Assert.StartsWith("extensions.durableTask.storageProvider.connectionStringName", error.Message);
        Assert.Contains("'DurableStoreConnection'", error.Message);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_stops_the_host_at_start()
    {
        // Port 9 (discard) has no server here: the schema cannot be applied.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "postgres",
            ["DurableStoreConnection"] = "Host=127.0.0.1;Port=9;Username=postgres;Database=hub;Timeout=3",
        }));

        Assert.StartsWith("extensions.durableTask.storageProvider (postgres)", error.Message);
    }

    [Fact]
    public async Task An_unreachable_azure_storage_account_stops_the_host_at_start()
    {
        // A port nothing listens on: the provider's first request is refused.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "azureStorage",
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        }));

        Assert.StartsWith("extensions.durableTask.storageProvider (azureStorage)", error.Message);
    }

    private static async Task StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskHost(builder.Configuration, _ => { });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        await host.StopAsync(CancellationToken.None);
    }
}
