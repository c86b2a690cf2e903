using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentFunctions.Banking.Juno.Webhooks;

/// <summary>Registers the Juno webhook receiver.</summary>
public static class JunoWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JunoWebhookReceiver"/> (singleton) using the registered <see cref="IJunoClient"/>. The
    /// processed-transaction store defaults to memory; register an <see cref="IProcessedTransactionStore"/> before
    /// calling this to share deduplication across processes.
    /// </summary>
    public static IServiceCollection AddJunoWebhookReceiver(this IServiceCollection services, Action<JunoWebhookReceiverOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JunoWebhookReceiverOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IProcessedTransactionStore, InMemoryProcessedTransactionStore>();
        services.TryAddSingleton(provider => new JunoWebhookReceiver(
            provider.GetRequiredService<IOptions<JunoWebhookReceiverOptions>>().Value,
            provider.GetRequiredService<IJunoClient>(),
            provider.GetRequiredService<IProcessedTransactionStore>(),
            provider.GetService<ILogger<JunoWebhookReceiver>>()));
        return services;
    }
}
