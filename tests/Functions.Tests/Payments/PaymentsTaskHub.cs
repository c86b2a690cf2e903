using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.Functions.Tests.Payments;

/// <summary>
/// The Functions task hub with payments on: the Functions worker's services point at a real local stack
/// (PostgreSQL, anvil with the contracts, the Key Vault emulator, the Juno simulator) with a registered seller and buyer.
/// </summary>
public sealed class PaymentsTaskHub : FunctionsTaskHub
{
    public LocalPaymentStack Stack { get; private set; } = null!;

    public Clabe SellerClabe { get; } = Clabe.Create("012", "180", Random.Shared.NextInt64(1, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The buyer's refund CLABE, registered too (creation requires it).</summary>
    public Clabe BuyerRefundClabe { get; } = Clabe.Create("072", "180", Random.Shared.NextInt64(1, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await this.Stack.DisposeAsync();
    }

    // The Key Vault emulator's token; in Azure, DefaultAzureCredential gets one as the managed identity (AZURE_CLIENT_ID).
    protected override void ConfigureFunctionServices(IServiceCollection services) =>
        services.AddSingleton<TokenCredential>(this.Stack.KeyVault.Credential);

    protected override async Task<IDictionary<string, string?>> StartFunctionSettingsAsync()
    {
        this.Stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
        await this.Stack.RegisterBankAccountAsync(this.SellerClabe, "Vendedora de Prueba");
        await this.Stack.RegisterBankAccountAsync(this.BuyerRefundClabe, "Comprador Uno");
        var settings = this.Stack.AppSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["ConnectionStrings:Payments"] = this.Stack.Postgres;
        return settings;
    }
}
