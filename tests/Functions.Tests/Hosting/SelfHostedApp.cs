using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PaymentFunctions.App.Payments;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.Functions.Tests.Hosting;

/// <summary>
/// The self-hosted app (src/App) with payments on, configured from the Functions app's
/// <c>local.settings.sample.json</c>, on a fresh database of the shared test PostgreSQL server. Nothing it reaches
/// out to (chain, Juno, Key Vault) is contacted at start-up.
/// </summary>
public sealed class SelfHostedApp : WebApplicationFactory<PaymentsFeature>, IAsyncLifetime // any type of the App assembly names its entry point
{
    private readonly string scriptRoot = Directory.CreateTempSubdirectory("functions-parity-").FullName;
    private string connectionString = "";

    public async Task InitializeAsync() => this.connectionString = await SharedPostgres.CreateDatabaseAsync("functions-parity");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await this.DisposeAsync();
        Directory.Delete(this.scriptRoot, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        File.WriteAllText(Path.Combine(this.scriptRoot, "host.json"), $$"""
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Warning" } },
              "extensions": { "durableTask": {
                "hubName": "parity{{Guid.NewGuid():N}}",
                "storageProvider": { "connectionStringName": "TestStore" } } }
            }
            """);
        builder.UseSetting("AzureWebJobsScriptRoot", this.scriptRoot);
        foreach (var (name, value) in BuildOutput.SampleSettings())
        {
            builder.UseSetting(name, value);
        }

        builder.UseSetting("TestStore", this.connectionString);
        builder.UseSetting("ConnectionStrings:Payments", this.connectionString);
        // Unreachable on purpose: a timer firing during the test fails fast instead of calling out.
        builder.UseSetting("Juno:BaseAddress", "http://127.0.0.1:9/");
        builder.UseSetting("Chain:RpcUrl", "http://127.0.0.1:9/");
    }
}
