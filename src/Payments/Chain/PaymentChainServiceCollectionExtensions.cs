using System.Globalization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.KeyVault.Signing;

namespace PaymentFunctions.Payments.Chain;

/// <summary>Registers the escrow gateway and what it stands on: node client, Key Vault signer, transaction manager.</summary>
public static class PaymentChainServiceCollectionExtensions
{
    /// <summary>The service key of the chain's own HTTP client, data source and bridge signer.</summary>
    public const string ServiceKey = "payments-chain";

    /// <summary>
    /// Registers <see cref="PaymentChainOptions"/> (bound from <paramref name="section"/>), an
    /// <see cref="EthereumRpcClient"/>, a <see cref="KeyVaultKeyClient"/> (with the <see cref="TokenCredential"/>
    /// registered in the container, else <see cref="DefaultAzureCredential"/>), the bridge wallet's
    /// <see cref="KeyVaultSigner"/>, a <see cref="TransactionManager"/> keeping its intents in
    /// <paramref name="connectionString"/>'s database, and <see cref="EscrowGateway"/>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="section">The <c>Chain</c> configuration section.</param>
    /// <param name="connectionString">The PostgreSQL database holding the transaction manager's <c>chain</c> schema.</param>
    public static IServiceCollection AddPaymentChain(this IServiceCollection services, IConfiguration section, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        services.AddOptions<PaymentChainOptions>().Configure(options => Bind(section, options)).Validate(Validates, "The Chain settings are invalid.");

        // Keyed, so the chain's pool and HTTP client never replace ones other features register.
        services.TryAddKeyedSingleton(ServiceKey, (_, _) => new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        services.TryAddKeyedSingleton(ServiceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        services.TryAddSingleton(sp => new EthereumRpcClient(
            sp.GetRequiredKeyedService<HttpClient>(ServiceKey),
            Options(sp).RpcUrl!,
            PaymentEscrowAbi.Errors));
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            var clientOptions = new KeyVaultKeyClientOptions();
            if (!string.IsNullOrWhiteSpace(options.KeyVaultCertificateThumbprint))
            {
                clientOptions.PinServerCertificate(options.KeyVaultCertificateThumbprint);
            }

            return new KeyVaultKeyClient(options.KeyVaultUri!, sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(), clientOptions);
        });
        services.TryAddKeyedSingleton(ServiceKey, (sp, _) => new KeyVaultSigner(sp.GetRequiredService<KeyVaultKeyClient>(), Options(sp).BridgeKeyName));
        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            return new TransactionManager(
                sp.GetRequiredService<EthereumRpcClient>(),
                sp.GetRequiredKeyedService<NpgsqlDataSource>(ServiceKey),
                new TransactionManagerOptions { Confirmations = options.Confirmations, PollInterval = options.PollInterval, KnownErrors = PaymentEscrowAbi.Errors },
                sp.GetService<ILogger<TransactionManager>>(),
                sp.GetService<TimeProvider>());
        });
        services.TryAddSingleton(sp => new EscrowGateway(
            sp.GetRequiredService<EthereumRpcClient>(),
            sp.GetRequiredService<TransactionManager>(),
            sp.GetRequiredKeyedService<KeyVaultSigner>(ServiceKey),
            sp.GetRequiredService<IOptions<PaymentChainOptions>>(),
            sp.GetService<ILogger<EscrowGateway>>(),
            sp.GetService<TimeProvider>()));
        return services;
    }

    private static PaymentChainOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<PaymentChainOptions>>().Value;

    private static bool Validates(PaymentChainOptions options)
    {
        options.Validate();
        return true;
    }

    // Bound by hand: the app carries no reflection-based configuration binder, and these are few, typed settings.
    private static void Bind(IConfiguration section, PaymentChainOptions options)
    {
        if (section[nameof(PaymentChainOptions.RpcUrl)] is { Length: > 0 } rpcUrl)
        {
            options.RpcUrl = new Uri(rpcUrl, UriKind.RelativeOrAbsolute);
        }

        if (section[nameof(PaymentChainOptions.KeyVaultUri)] is { Length: > 0 } vaultUri)
        {
            options.KeyVaultUri = new Uri(vaultUri, UriKind.RelativeOrAbsolute);
        }

        options.TokenAddress = section[nameof(PaymentChainOptions.TokenAddress)] ?? options.TokenAddress;
        options.EscrowAddress = section[nameof(PaymentChainOptions.EscrowAddress)] ?? options.EscrowAddress;
        options.PlatformDepositAddress = section[nameof(PaymentChainOptions.PlatformDepositAddress)] ?? options.PlatformDepositAddress;
        options.BridgeKeyName = section[nameof(PaymentChainOptions.BridgeKeyName)] ?? options.BridgeKeyName;
        options.KeyVaultCertificateThumbprint = section[nameof(PaymentChainOptions.KeyVaultCertificateThumbprint)] ?? options.KeyVaultCertificateThumbprint;
        if (section[nameof(PaymentChainOptions.Confirmations)] is { Length: > 0 } confirmations)
        {
            options.Confirmations = int.Parse(confirmations, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        if (section[nameof(PaymentChainOptions.PollInterval)] is { Length: > 0 } pollInterval)
        {
            options.PollInterval = TimeSpan.Parse(pollInterval, CultureInfo.InvariantCulture);
        }

        if (section[nameof(PaymentChainOptions.MinimumCustody)] is { Length: > 0 } minimumCustody)
        {
            options.MinimumCustody = TimeSpan.Parse(minimumCustody, CultureInfo.InvariantCulture);
        }
    }
}
