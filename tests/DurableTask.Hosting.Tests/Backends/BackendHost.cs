using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.DurableTask.Hosting.Tests.Conformance;

namespace PaymentFunctions.DurableTask.Hosting.Tests.Backends;

/// <summary>
/// A generic host running the conformance tasks on one backend, configured only through settings, as an app
/// configures it. One host per backend serves a whole test class; tests keep apart by instance id.
/// </summary>
public abstract class BackendHost : IAsyncLifetime
{
    private IHost? host;

    /// <summary>The backend's <c>storageProvider.type</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The host's client.</summary>
    public DurableTaskClient Client => this.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => this.host?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Starts what the backend stores into and returns the settings that point the host at it.</summary>
    protected abstract Task<IDictionary<string, string?>> StartStorageAsync();

    /// <summary>Stops what <see cref="StartStorageAsync"/> started.</summary>
    protected abstract ValueTask StopStorageAsync();

    public async Task InitializeAsync()
    {
        var settings = await this.StartStorageAsync();
        settings["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = this.Type;
        settings.TryAdd("AzureFunctionsJobHost:extensions:durableTask:hubName", "Conformance" + Guid.NewGuid().ToString("N")[..8]);
        settings.TryAdd("AzureFunctionsJobHost:extensions:durableTask:maxConcurrentOrchestratorFunctions", "32");
        settings.TryAdd("AzureFunctionsJobHost:extensions:durableTask:maxConcurrentActivityFunctions", "32");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddDurableTaskHost(builder.Configuration, ConformanceTasks.Register);
        this.host = builder.Build();
        await this.host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (this.host is not null)
        {
            await this.host.StopAsync();
            this.host.Dispose();
        }

        await this.StopStorageAsync();
    }
}
