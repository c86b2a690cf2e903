using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Domain;
using PaymentFunctions.Payments.Lifecycle;
using PaymentFunctions.Payments.Persistence;
using PaymentFunctions.Payments.Tests.Persistence;

namespace PaymentFunctions.Payments.Tests.Lifecycle;

/// <summary>
/// The whole local stack (PostgreSQL, anvil with the contracts, the Key Vault emulator, the Juno simulator) and a
/// durable worker running <see cref="PaymentLifecycle"/> with the services the app registers, its task hub on the
/// backend a subclass names. The payments themselves are always in the stack's PostgreSQL database.
/// </summary>
public abstract class LifecycleFixture(TaskHubBackend backend) : IAsyncLifetime
{
    /// <summary>Fast retries and polls, so failure paths finish in seconds.</summary>
    public static readonly LifecyclePolicy Policy = new()
    {
        StepAttempts = 2,
        StepRetryInterval = TimeSpan.FromMilliseconds(200),
        PollWithin = TimeSpan.FromSeconds(5),
        PollInterval = TimeSpan.FromMilliseconds(200),
        PayoutAttempts = 2,
        PayoutRetryInterval = TimeSpan.FromMilliseconds(500),
    };

    private IHost host = null!;

    public LocalPaymentStack Stack { get; private set; } = null!;

    public PaymentStore Store => this.host.Services.GetRequiredService<PaymentStore>();

    public DurableTaskClient Client => this.host.Services.GetRequiredService<DurableTaskClient>();

    public EscrowGateway Gateway => this.host.Services.GetRequiredService<EscrowGateway>();

    public IJunoClient Juno => this.host.Services.GetRequiredService<IJunoClient>();

    public Erc20 Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        this.Stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions { TaskHub = backend }, null, CancellationToken.None);
        var connectionString = this.Stack.Postgres;
        await PaymentsDatabase.MigrateAsync(connectionString, CancellationToken.None);

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(this.Stack.AppSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));

        // The backend is chosen and configured as host.json would: on Azure Storage the stack's settings already name
        // it (storageProvider:type and AzureWebJobsStorage, its Azurite); on postgres the hub shares the payments' database.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DurableTaskExtensionOptions.SectionPath}:hubName"] = "lifecycle",
        });
        if (backend == TaskHubBackend.Postgres)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{DurableTaskExtensionOptions.SectionPath}:storageProvider:type"] = StorageProviderOptions.Postgres,
                [$"{DurableTaskExtensionOptions.SectionPath}:storageProvider:connectionStringName"] = "LifecycleStore",
                ["LifecycleStore"] = connectionString,
            });
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var juno = this.Stack.Juno.CreateClientOptions();
        builder.Services.AddSingleton<TokenCredential>(this.Stack.KeyVault.Credential);
        builder.Services.AddPaymentsDatabase(connectionString);
        builder.Services.AddPaymentChain(builder.Configuration.GetSection(PaymentChainOptions.SectionName), connectionString);
        builder.Services.AddJunoClient(o =>
        {
            o.BaseAddress = juno.BaseAddress;
            o.ApiKey = juno.ApiKey;
            o.ApiSecret = juno.ApiSecret;

            // Injected Juno faults exhaust the client's own retries quickly, so a hold is reached in seconds.
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        });
        builder.Services.AddDurableTaskHost(builder.Configuration, tasks => tasks.AddPaymentLifecycle());
        this.host = builder.Build();
        await this.host.StartAsync();
        this.Token = new Erc20(this.Stack.Anvil.Rpc, this.Stack.Deployment.Token);
    }

    public async Task DisposeAsync()
    {
        await this.host.StopAsync();
        this.host.Dispose();
        await this.Stack.DisposeAsync();
    }

    /// <summary>A payment as the API creates it: a deposit CLABE at Juno, a registered seller account, the orchestration started.</summary>
    public async Task<TestPayment> StartPaymentAsync(
        decimal amount,
        TimeSpan? deadlineIn = null,
        TimeSpan? custody = null,
        int requiredApprovals = 0,
        bool buyerRefundAccount = true)
    {
        var seller = Clabe.Parse(TestClabes.Next());
        var sellerAccount = await this.Stack.RegisterBankAccountAsync(seller, "Vendedora de Prueba");
        var buyer = Clabe.Parse(TestClabes.Next());
        var buyerAccount = buyerRefundAccount ? (await this.Stack.RegisterBankAccountAsync(buyer, "Comprador de Prueba")).Id : null;

        var depositClabe = await this.Juno.CreateClabeAsync();
        var now = DateTimeOffset.UtcNow;
        var deadline = now + (deadlineIn ?? TimeSpan.FromMinutes(10));
        var custodyEnd = now + (custody ?? TimeSpan.Zero);
        var created = await this.Store.CreateAsync(
            new NewPayment(amount, "Comprador de Prueba", buyer.Value, "Vendedora de Prueba", seller.Value, sellerAccount.Id, depositClabe.Clabe, custodyEnd, deadline, requiredApprovals),
            idempotencyKey: null,
            CancellationToken.None);
        var payment = created.Payment;
        var instanceId = PaymentLifecycleInput.InstanceIdFor(payment.Id);
        await this.Client.ScheduleNewOrchestrationInstanceAsync(
            PaymentLifecycle.Name,
            new PaymentLifecycleInput(payment.Id, amount, deadline, custodyEnd, requiredApprovals, sellerAccount.Id, Policy),
            new StartOrchestrationOptions(instanceId));
        return new TestPayment(payment.Id, instanceId, amount, Clabe.Parse(depositClabe.Clabe), sellerAccount.Id, buyer, buyerAccount);
    }

    /// <summary>The buyer pays by SPEI, and the match is claimed and announced as the deposit-detection timer does.</summary>
    public async Task DepositAsync(TestPayment payment)
    {
        var issuance = this.Stack.Juno.SimulateSpeiDeposit(payment.DepositClabe, Mxn.Of(payment.Amount));
        Assert.True(await this.Store.ClaimDepositAsync(payment.Id, issuance.Id, CancellationToken.None));
        await this.Client.RaiseEventAsync(payment.InstanceId, PaymentEvents.DepositMatched, new DepositMatched(issuance.Id, payment.Amount));
    }

    public async Task<PaymentOutcome> CompletionAsync(TestPayment payment, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromMinutes(2));
        OrchestrationMetadata metadata;
        try
        {
            metadata = await this.Client.WaitForInstanceCompletionAsync(payment.InstanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var current = await this.Client.GetInstanceAsync(payment.InstanceId, getInputsAndOutputs: true);
            var saved = await this.Store.FindAsync(payment.Id, CancellationToken.None);
            var last = saved?.Timeline.LastOrDefault();
            throw new TimeoutException(
                $"{payment.InstanceId} did not finish: {current?.RuntimeStatus} at {current?.SerializedCustomStatus}; payment {saved?.Status}, last timeline {last?.Kind} {string.Join(",", last?.Data ?? [])}");
        }

        Assert.True(metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{payment.InstanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails}");
        return metadata.ReadOutputAs<PaymentOutcome>()!;
    }

    /// <summary>Waits until the payment's row reaches <paramref name="status"/> (the orchestration records each step there).</summary>
    public async Task<Payment> WaitForStatusAsync(TestPayment payment, PaymentStatus status, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            var current = await this.Store.FindAsync(payment.Id, CancellationToken.None);
            if (current?.Status == status)
            {
                return current;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>The settled SPEI payouts Juno made to a bank account.</summary>
    public IReadOnlyList<PaymentFunctions.Banking.Juno.Models.JunoTransaction> SettledPayoutsTo(string bankAccountId) =>
        [.. this.Stack.Juno.Transactions.Where(t =>
            t.TransactionType == PaymentFunctions.Banking.Juno.Models.JunoTransactionType.Redemption
            && t.SummaryStatus == PaymentFunctions.Banking.Juno.Models.JunoTransactionStatus.Complete
            && t.Details?.DestinationBankAccountId == bankAccountId)];
}

/// <summary>The lifecycle with its task hub in PostgreSQL (the default backend).</summary>
public sealed class PostgresLifecycleFixture() : LifecycleFixture(TaskHubBackend.Postgres);

/// <summary>The lifecycle with its task hub on Azure Storage, in the stack's private Azurite.</summary>
public sealed class AzureStorageLifecycleFixture() : LifecycleFixture(TaskHubBackend.AzureStorage);
