namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>Hosts the one <see cref="TimerTriggerHost"/> singleton, which the admin endpoints also use.</summary>
internal sealed class TimerTriggerHostService(TimerTriggerHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => host.StopAsync(cancellationToken);
}
