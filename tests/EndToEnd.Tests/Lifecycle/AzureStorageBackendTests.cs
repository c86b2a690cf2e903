using Npgsql;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The app as its own process with its task hub on Azure Storage (the stack's private Azurite, handed to the app as
/// <c>storageProvider:type=azureStorage</c> and <c>AzureWebJobsStorage</c>, as the demo's <c>--backend azureStorage</c>
/// does): a payment made through the HTTP API is paid out once, and no durable state went to PostgreSQL.
/// </summary>
public sealed class AzureStorageBackendTests : IAsyncLifetime
{
    private const string FunctionKey = "azure-storage-e2e-key";
    private static readonly string[] Terminal = ["Completed", "Failed", "Refunded", "Expired", "OnHold"];
    private LocalPaymentStack stack = null!;

    public async Task InitializeAsync() =>
        this.stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions { TaskHub = TaskHubBackend.AzureStorage }, null, CancellationToken.None);

    public async Task DisposeAsync() => await this.stack.DisposeAsync();

    [Fact]
    public async Task The_app_on_azure_storage_completes_a_payment_through_the_api()
    {
        Assert.NotNull(this.stack.Azurite);
        Assert.Equal(this.stack.Azurite.ConnectionString, this.stack.AppSettings["AzureWebJobsStorage"]);
        await using var app = await AppProcess.StartAsync(AppProcessOptions.ForStack(this.stack) with { FunctionKey = FunctionKey }, CancellationToken.None);
        using var client = app.CreateClient();
        var seller = Clabe.Create("012", "180", "55501230009");
        var account = await this.stack.RegisterBankAccountAsync(seller, "Vendedora");

        var id = await client.PayAsync(this.stack, 640.00m, seller);

        Assert.Equal("Completed", await client.WaitForStatusAsync(id, Terminal.Contains));
        var payout = Assert.Single(this.stack.Juno.Transactions, t => t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == account.Id);
        Assert.Equal(640.00m, payout.Amount);

        // The payments are in PostgreSQL, the orchestrations are not: the postgres provider's schema was never created.
        await using var connection = new NpgsqlConnection(this.stack.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select to_regclass('durable.instances') is null", connection);
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }
}
