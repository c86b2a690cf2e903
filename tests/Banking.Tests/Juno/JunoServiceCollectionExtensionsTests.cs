using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.Banking.Tests.Juno;

public sealed class JunoServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Registered_client_is_a_singleton_that_talks_to_the_configured_juno()
    {
        await using var sim = await JunoSimulator.StartAsync();
        sim.SimulateSpeiDeposit(sim.DefaultClabe, Mxn.Of(120m));
        var services = new ServiceCollection();
        services.AddJunoClient(o =>
        {
            o.BaseAddress = sim.BaseAddress;
            o.ApiKey = sim.ApiKey;
            o.ApiSecret = new JunoSimulatorOptions().ApiSecret;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IJunoClient>();
        var balances = await client.GetBalancesAsync();

        Assert.Same(client, provider.GetRequiredService<IJunoClient>());
        Assert.Equal(120m, Assert.Single(balances.Balances).Balance);
    }
}
