using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.App.Samples;
using PaymentFunctions.Functions.Hosting;
using PaymentFunctions.Functions.Samples;
using PaymentFunctions.LocalStack.Azurite;

namespace PaymentFunctions.Functions.Tests.Durable;

/// <summary>
/// A task hub on the azureStorage backend (DTFx's Azure Storage provider on a private Azurite) standing in for the
/// Functions host: its worker runs the Functions app's own orchestrator and activity methods (not the classes
/// behind them), and its <see cref="Client"/> is a real <see cref="DurableTaskClient"/> to pass where a function
/// takes <c>[DurableClient]</c>. <see cref="FunctionServices"/> are the Functions worker's services
/// (<c>AddSharedApp</c>), which the invocations get as their scope.
/// </summary>
public class FunctionsTaskHub : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private IHost? engine;
    private IHost? functions;

    public DurableTaskClient Client => this.engine!.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider FunctionServices => this.functions!.Services;

    /// <summary>Settings of the Functions worker, as app settings would give them.</summary>
    protected virtual IDictionary<string, string?> FunctionSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        this.azurite = await AzuriteServer.StartAsync();

        var functionsBuilder = Host.CreateApplicationBuilder();
        functionsBuilder.Logging.ClearProviders();
        functionsBuilder.Configuration.AddInMemoryCollection(this.FunctionSettings);
        functionsBuilder.AddSharedApp();
        this.functions = functionsBuilder.Build();

        var engineBuilder = Host.CreateApplicationBuilder();
        engineBuilder.Logging.ClearProviders();
        engineBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = this.azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:type"] = "azureStorage",
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "Functions" + Guid.NewGuid().ToString("N")[..8],
        });
        engineBuilder.Services.AddDurableTaskHost(engineBuilder.Configuration, this.RegisterFunctions);
        this.engine = engineBuilder.Build();
        await this.engine.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (this.engine is not null)
        {
            await this.engine.StopAsync();
            this.engine.Dispose();
        }

        this.functions?.Dispose();
        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }
    }

    /// <summary>Waits (at most a minute, against a hang) for <paramref name="instanceId"/> to finish.</summary>
    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await this.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, guard.Token);
    }

    // What the Functions host does with functions.metadata: each orchestration or activity trigger becomes a task
    // whose body is the function method, invoked with a FunctionContext of that invocation and the input
    // deserialized as the function's input parameter, as the extension binds it.
    private void RegisterFunctions(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string?, string[]>(SampleOrchestrations.HelloSequence, (context, name) => SampleFunctions.HelloSequenceAsync(context, name, this.Invocation(SampleOrchestrations.HelloSequence)))
        .AddOrchestratorFunc<HelloRequest, string[]>(SampleOrchestrations.HelloCities, (context, request) => SampleFunctions.HelloCitiesAsync(context, request, this.Invocation(SampleOrchestrations.HelloCities)))
        .AddOrchestratorFunc<object?, System.Text.Json.JsonElement>(SampleOrchestrations.AwaitApproval, (context, _) => SampleFunctions.AwaitApprovalAsync(context, this.Invocation(SampleOrchestrations.AwaitApproval)))
        .AddOrchestratorFunc<string?, string>(SampleOrchestrations.FailingStep, (context, mode) => SampleFunctions.FailingStepAsync(context, mode, this.Invocation(SampleOrchestrations.FailingStep)))
        .AddActivityFunc<string, string>("SayHello", (context, text) => SampleFunctions.SayHelloAsync(text, this.Invocation("SayHello", context.InstanceId)))
        .AddActivityFunc<string?, string>("MaybeFail", (context, mode) => SampleFunctions.MaybeFailAsync(mode, this.Invocation("MaybeFail", context.InstanceId)));

    private Microsoft.Azure.Functions.Worker.FunctionContext Invocation(string name, string? instanceId = null) =>
        Invocations.Of(name, this.FunctionServices, instanceId);
}
