using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Tests;

/// <summary>
/// The app on a fresh PostgreSQL database of the shared test server, with its own hub, known keys and a script
/// root holding only a test <c>host.json</c>, so a developer's <c>local.settings.json</c> never leaks in.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string FunctionKey = "test-function-key";
    public const string AdminKey = "test-admin-key";
    public const string DurableTaskKey = "test-durabletask-key";

    private readonly string scriptRoot = Directory.CreateTempSubdirectory("app-tests-").FullName;

    public string ConnectionString { get; set; } = "";

    public string HubName { get; set; } = "hub" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Extra services (e.g. timer functions) added after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Extra settings, as if from local.settings.json or the environment.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public virtual async Task InitializeAsync()
    {
        if (this.ConnectionString.Length == 0)
        {
            this.ConnectionString = await SharedPostgres.CreateDatabaseAsync(nameof(AppFactory));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await this.DisposeAsync();
        try
        {
            Directory.Delete(this.scriptRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A client that sends the admin key.</summary>
    public HttpClient CreateAdminClient() => this.CreateKeyedClient(AdminKey);

    /// <summary>A client that sends the given key in <c>x-functions-key</c>.</summary>
    public HttpClient CreateKeyedClient(string? key)
    {
        var client = this.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        File.WriteAllText(Path.Combine(this.scriptRoot, "host.json"), $$"""
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Warning" } },
              "extensions": { "durableTask": {
                "hubName": "{{this.HubName}}",
                "maxConcurrentOrchestratorFunctions": 4,
                "maxConcurrentActivityFunctions": 4,
                "storageProvider": { "connectionStringName": "TestStore" } } }
            }
            """);
        builder.UseSetting("AzureWebJobsScriptRoot", this.scriptRoot);
        builder.UseSetting("TestStore", this.ConnectionString);
        builder.UseSetting("Keys:Function", FunctionKey);
        builder.UseSetting("Keys:Admin", AdminKey);
        builder.UseSetting("Keys:DurableTask", DurableTaskKey);
        foreach (var (name, value) in this.Settings)
        {
            builder.UseSetting(name, value);
        }

        if (this.ConfigureServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }
}
