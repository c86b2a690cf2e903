using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Webhooks;
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

    [Fact]
    public async Task Registered_webhook_receiver_uses_the_client_and_refuses_wrong_secrets()
    {
        await using var sim = await JunoSimulator.StartAsync();
        var deposit = sim.SimulateSpeiDeposit(sim.DefaultClabe, Mxn.Of(120m));
        var services = new ServiceCollection();
        services.AddJunoClient(o =>
        {
            o.BaseAddress = sim.BaseAddress;
            o.ApiKey = sim.ApiKey;
            o.ApiSecret = new JunoSimulatorOptions().ApiSecret;
        });
        services.AddJunoWebhookReceiver(o => o.SharedSecret = "registered-webhook-secret");
        await using var provider = services.BuildServiceProvider();
        var receiver = provider.GetRequiredService<JunoWebhookReceiver>();
        var body = $$$"""{"event":"TRANSACTION","payload":{"id":"{{{deposit.Id}}}"}}""";

        var refused = await receiver.ReceiveAsync("wrong-secret-wrong-secret", body);
        var accepted = await receiver.ReceiveAsync("registered-webhook-secret", body);

        Assert.Equal(JunoWebhookOutcome.Rejected, refused.Outcome);
        Assert.Equal(JunoWebhookOutcome.Accepted, accepted.Outcome);
        Assert.Equal(deposit.Id, accepted.Transaction!.Id);
    }
}
