using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PaymentFunctions.Banking.Juno;

/// <summary>Registers the Juno client.</summary>
public static class JunoServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IJunoClient"/> as a singleton over one long-lived <see cref="HttpClient"/> whose pooled
    /// connections are recycled (so DNS changes are seen without IHttpClientFactory). Bind <see cref="JunoOptions"/>
    /// from configuration (section <see cref="JunoOptions.SectionName"/>) or pass <paramref name="configure"/>.
    /// </summary>
    public static IServiceCollection AddJunoClient(this IServiceCollection services, Action<JunoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JunoOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IJunoClient>(provider =>
        {
            var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            return new JunoClient(
                http,
                provider.GetRequiredService<IOptions<JunoOptions>>(),
                provider.GetService<ILogger<JunoClient>>());
        });
        return services;
    }
}
