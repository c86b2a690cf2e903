using OpenTelemetry;

namespace PaymentFunctions.App.Operations;

/// <summary>Resolves the OpenTelemetry SDK at start-up so it listens from the first request on.</summary>
internal sealed class TelemetryActivator(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(sdk);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
