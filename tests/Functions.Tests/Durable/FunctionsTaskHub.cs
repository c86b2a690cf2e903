using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.App.Samples;
using PaymentFunctions.Functions.Hosting;
using PaymentFunctions.Functions.Lifecycle;
using PaymentFunctions.Functions.Samples;
using PaymentFunctions.LocalStack.Azurite;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Lifecycle.Activities;

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
    protected virtual Task<IDictionary<string, string?>> StartFunctionSettingsAsync() =>
        Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>());

    public async Task InitializeAsync()
    {
        this.azurite = await AzuriteServer.StartAsync();

        var functionsBuilder = Host.CreateApplicationBuilder();
        functionsBuilder.Logging.ClearProviders();
        functionsBuilder.Configuration.AddInMemoryCollection(await this.StartFunctionSettingsAsync());
        functionsBuilder.AddSharedApp();
        this.ConfigureFunctionServices(functionsBuilder.Services);
        this.functions = functionsBuilder.Build();
        await this.functions.StartAsync(); // as the worker starts: the payments schema migration runs here

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

    /// <summary>What the test environment adds to the worker's services (in Azure the platform provides it).</summary>
    protected virtual void ConfigureFunctionServices(IServiceCollection services)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (this.engine is not null)
        {
            await this.engine.StopAsync();
            this.engine.Dispose();
        }

        if (this.functions is not null)
        {
            await this.functions.StopAsync();
            this.functions.Dispose();
        }

        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }
    }

    /// <summary>Waits for <paramref name="instanceId"/> to finish (at most <paramref name="patience"/>, a minute by default, against a hang).</summary>
    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId, TimeSpan? patience = null)
    {
        using var guard = new CancellationTokenSource(patience ?? TimeSpan.FromMinutes(1));
        return await this.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, guard.Token);
    }

    // What the Functions host does with functions.metadata: each orchestration or activity trigger becomes a task
    // whose body is the function method, invoked with a FunctionContext of that invocation and the input
    // deserialized as the function's input parameter, as the extension binds it.
    private void RegisterFunctions(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<string?, string[]>(SampleOrchestrations.HelloSequence, (context, name) => SampleFunctions.HelloSequenceAsync(context, name, this.Invocation(SampleOrchestrations.HelloSequence)))
        .AddOrchestratorFunc<HelloRequest, string[]>(SampleOrchestrations.HelloCities, (context, request) => SampleFunctions.HelloCitiesAsync(context, request, this.Invocation(SampleOrchestrations.HelloCities)))
        .AddOrchestratorFunc<object?, System.Text.Json.JsonElement>(SampleOrchestrations.AwaitApproval, (context, _) => SampleFunctions.AwaitApprovalAsync(context, this.Invocation(SampleOrchestrations.AwaitApproval)))
        .AddOrchestratorFunc<string?, System.Text.Json.JsonElement>(SampleOrchestrations.HelloParent, (context, name) => SampleFunctions.HelloParentAsync(context, name, this.Invocation(SampleOrchestrations.HelloParent)))
        .AddOrchestratorFunc<string?, string>(SampleOrchestrations.FailingStep, (context, mode) => SampleFunctions.FailingStepAsync(context, mode, this.Invocation(SampleOrchestrations.FailingStep)))
        .AddActivityFunc<string, string>("SayHello", (context, text) => SampleFunctions.SayHelloAsync(text, this.Invocation("SayHello", context.InstanceId)))
        .AddActivityFunc<string?, string>("MaybeFail", (context, mode) => SampleFunctions.MaybeFailAsync(mode, this.Invocation("MaybeFail", context.InstanceId)))
        .AddOrchestratorFunc<PaymentLifecycleInput, PaymentOutcome>(PaymentLifecycle.Name, (context, input) => PaymentLifecycleFunctions.PaymentLifecycleAsync(context, input))
        .AddActivityFunc<ProgressUpdate, bool>(nameof(RecordProgress), (c, input) => PaymentLifecycleFunctions.RecordProgressAsync(input, this.Invocation(c)))
        .AddActivityFunc<string, bool>(nameof(ExpireUnfundedPayment), (c, input) => PaymentLifecycleFunctions.ExpireUnfundedPaymentAsync(input, this.Invocation(c)))
        .AddActivityFunc<PaymentAmount, string>(nameof(WithdrawToBridge), (c, input) => PaymentLifecycleFunctions.WithdrawToBridgeAsync(input, this.Invocation(c)))
        .AddActivityFunc<JunoTransactionWait, JunoTransactionState>(nameof(AwaitJunoTransaction), (c, input) => PaymentLifecycleFunctions.AwaitJunoTransactionAsync(input, this.Invocation(c)))
        .AddActivityFunc<EscrowRequest, string>(nameof(FundEscrow), (c, input) => PaymentLifecycleFunctions.FundEscrowAsync(input, this.Invocation(c)))
        .AddActivityFunc<EscrowCommand, string>(nameof(ActOnEscrow), (c, input) => PaymentLifecycleFunctions.ActOnEscrowAsync(input, this.Invocation(c)))
        .AddActivityFunc<PlatformCreditWait, bool>(nameof(AwaitPlatformCredit), (c, input) => PaymentLifecycleFunctions.AwaitPlatformCreditAsync(input, this.Invocation(c)))
        .AddActivityFunc<PaymentAmount, string>(nameof(ReturnToJuno), (c, input) => PaymentLifecycleFunctions.ReturnToJunoAsync(input, this.Invocation(c)))
        .AddActivityFunc<PayoutRequest, PayoutRequested>(nameof(RequestPayout), (c, input) => PaymentLifecycleFunctions.RequestPayoutAsync(input, this.Invocation(c)))
        .AddActivityFunc<string, string?>(nameof(FindRefundAccount), (c, input) => PaymentLifecycleFunctions.FindRefundAccountAsync(input, this.Invocation(c)))
        .AddActivityFunc<string, int>(nameof(CountApprovals), (c, input) => PaymentLifecycleFunctions.CountApprovalsAsync(input, this.Invocation(c)));

    private Microsoft.Azure.Functions.Worker.FunctionContext Invocation(TaskActivityContext activity) =>
        Invocations.Of(activity.Name.Name, this.FunctionServices, activity.InstanceId);

    private Microsoft.Azure.Functions.Worker.FunctionContext Invocation(string name, string? instanceId = null) =>
        Invocations.Of(name, this.FunctionServices, instanceId);
}
