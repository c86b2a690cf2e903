using System.Numerics;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Payments.Tests.Chain;

/// <summary>
/// The local payment stack with the gateway wired exactly as the app wires it (<c>AddPaymentChain</c> over the
/// stack's settings), and the bridge wallet holding MXNB withdrawn from the Juno simulator.
/// </summary>
public sealed class EscrowChainFixture : IAsyncLifetime
{
    public static readonly BigInteger Mxnb = BigInteger.Pow(10, 6);

    public LocalPaymentStack Stack { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public EscrowGateway Gateway => Services.GetRequiredService<EscrowGateway>();

    public Erc20 Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Stack.AppSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TokenCredential>(Stack.KeyVault.Credential);
        services.AddPaymentChain(configuration.GetSection(PaymentChainOptions.SectionName), configuration.GetConnectionString("Payments")!);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Token = new Erc20(Stack.Anvil.Rpc, Stack.Deployment.Token);

        // What a Juno withdrawal to the bridge does: real MXNB from the simulator's treasury.
        await Stack.Juno.ChainTransfer.TransferAsync(Stack.BridgeAddress.ToString(), MxnbAmount.FromTokens(100_000m), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Stack.DisposeAsync();
    }

    public Task<BigInteger> BalanceAsync(Address owner) => Token.BalanceOfAsync(owner);

    /// <summary>Bridge, payee and escrow contract balances, to compare before and after.</summary>
    public async Task<(BigInteger Bridge, BigInteger Payee, BigInteger Escrow)> BalancesAsync() =>
        (await BalanceAsync(Stack.BridgeAddress), await BalanceAsync(Stack.PlatformDepositAddress), await BalanceAsync(Stack.Deployment.Escrow));
}
