using DurableTask.Core;
using DurableTask.Core.Query;

namespace PaymentFunctions.DurableTask.Hosting.Backends;

/// <summary>
/// One task hub's storage as DTFx sees it: the service its worker runs on and the client interfaces the
/// <see cref="Client.TaskHubDurableTaskClient"/> speaks. Every DTFx provider offers these; rewind is the one
/// operation each provider exposes its own way.
/// </summary>
public sealed class DurableTaskBackend : IAsyncDisposable
{
    private readonly Func<string, string, CancellationToken, Task> rewind;

    /// <summary>Wraps a provider that implements the service and the three client interfaces.</summary>
    /// <param name="type">The <c>storageProvider.type</c> it was chosen by, for messages.</param>
    /// <param name="service">The provider.</param>
    /// <param name="rewind">Rewinds a failed instance: instance id, reason.</param>
    public DurableTaskBackend(string type, IOrchestrationService service, Func<string, string, CancellationToken, Task> rewind)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(service);
        this.Type = type;
        this.Service = service;
        this.Client = Require<IOrchestrationServiceClient>(service);
        this.Query = Require<IOrchestrationServiceQueryClient>(service);
        this.Purge = Require<IOrchestrationServicePurgeClient>(service);
        this.rewind = rewind ?? throw new ArgumentNullException(nameof(rewind));
    }

    /// <summary>The <c>storageProvider.type</c> this backend was chosen by.</summary>
    public string Type { get; }

    /// <summary>What the worker dispatches from.</summary>
    public IOrchestrationService Service { get; }

    /// <summary>Starts, signals and reads instances.</summary>
    public IOrchestrationServiceClient Client { get; }

    /// <summary>Lists instances page by page.</summary>
    public IOrchestrationServiceQueryClient Query { get; }

    /// <summary>Deletes finished instances.</summary>
    public IOrchestrationServicePurgeClient Purge { get; }

    /// <summary>Rewinds a failed instance so its failed steps run again.</summary>
    public Task RewindAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => this.rewind(instanceId, reason, cancellationToken);

    /// <summary>Creates the hub's storage when missing; a wrong connection fails here, at start-up.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await this.Service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"extensions.durableTask.storageProvider ({this.Type}): the task hub store cannot be reached or created: {e.GetBaseException().Message}", e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        switch (this.Service)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static T Require<T>(IOrchestrationService service)
        where T : class
        => service as T ?? throw new ArgumentException($"{service.GetType().Name} does not implement {typeof(T).Name}.", nameof(service));
}
