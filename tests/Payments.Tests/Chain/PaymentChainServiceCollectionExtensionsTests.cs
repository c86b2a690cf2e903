using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Payments.Tests.Chain;

/// <summary>How <c>AddPaymentChain</c> reads the <c>Chain</c> section; the live wiring is covered by <see cref="EscrowGatewayTests"/>.</summary>
public sealed class PaymentChainServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["Chain:RpcUrl"] = "http://127.0.0.1:8545/",
        ["Chain:TokenAddress"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3",
        ["Chain:EscrowAddress"] = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
        ["Chain:PlatformDepositAddress"] = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        ["Chain:KeyVaultUri"] = "https://payments.vault.azure.net/",
        ["Chain:BridgeKeyName"] = "payment-bridge",
        ["Chain:Confirmations"] = "3",
        ["Chain:PollInterval"] = "00:00:02",
        ["Chain:MinimumCustody"] = "00:01:00",
    };

    [Fact]
    public void Binds_every_chain_setting()
    {
        using var services = Build(Complete);

        var options = services.GetRequiredService<IOptions<PaymentChainOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:8545/"), options.RpcUrl);
        Assert.Equal(Complete["Chain:EscrowAddress"], options.EscrowAddress);
        Assert.Equal(Complete["Chain:TokenAddress"], options.TokenAddress);
        Assert.Equal(Complete["Chain:PlatformDepositAddress"], options.PlatformDepositAddress);
        Assert.Equal(new Uri("https://payments.vault.azure.net/"), options.KeyVaultUri);
        Assert.Equal("payment-bridge", options.BridgeKeyName);
        Assert.Null(options.KeyVaultCertificateThumbprint);
        Assert.Equal(3, options.Confirmations);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MinimumCustody);
    }

    [Theory]
    [InlineData("Chain:EscrowAddress", "not-an-address")]
    [InlineData("Chain:RpcUrl", "")]
    [InlineData("Chain:BridgeKeyName", " ")]
    [InlineData("Chain:Confirmations", "0")]
    public void A_missing_or_malformed_setting_is_named_when_the_gateway_is_resolved(string key, string value)
    {
        using var services = Build(new Dictionary<string, string?>(Complete) { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<EscrowGateway>());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddPaymentChain(configuration.GetSection(PaymentChainOptions.SectionName), "Host=127.0.0.1;Database=unused")
            .BuildServiceProvider();
    }
}
