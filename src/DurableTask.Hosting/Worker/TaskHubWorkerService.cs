using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentFunctions.DurableTask.Hosting.Backends;

namespace PaymentFunctions.DurableTask.Hosting.Worker;

/// <summary>
/// DTFx's <see cref="TaskHubWorker"/> as a hosted service: it starts with the host and, on shutdown, stops taking
/// work and lets running episodes and activities finish until the host's shutdown timeout.
/// </summary>
public sealed class TaskHubWorkerService : IHostedService, IAsyncDisposable
{
    private readonly DurableTaskBackend backend;
    private readonly ILoggerFactory loggerFactory;
    private readonly RegisteredTasks tasks;
    private readonly IReadOnlyList<IDispatchMiddleware> middleware;
    private TaskHubWorker? worker;

    /// <summary>Builds the worker over the backend with the registry's tasks.</summary>
    public TaskHubWorkerService(
        DurableTaskBackend backend,
        DurableTaskRegistry registry,
        IServiceProvider services,
        IOptions<DurableTaskWorkerOptions> workerOptions,
        ILoggerFactory loggerFactory,
        IEnumerable<IDispatchMiddleware>? middleware = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(workerOptions);
        this.backend = backend ?? throw new ArgumentNullException(nameof(backend));
        this.loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        this.tasks = new RegisteredTasks(registry, services, new DurableTaskShimFactory(workerOptions.Value, loggerFactory));
        this.middleware = middleware?.ToList() ?? [];
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await this.backend.EnsureCreatedAsync(cancellationToken);
        var worker = new TaskHubWorker(this.backend.Service, this.tasks.Orchestrations, this.tasks.Activities, this.loggerFactory)
        {
            // The Microsoft.DurableTask model reads TaskFailedException.FailureDetails; exception serialization is legacy.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware(BindToInstance);
        foreach (var middleware in this.middleware)
        {
            worker.AddOrchestrationDispatcherMiddleware(middleware.OrchestrationAsync);
            worker.AddActivityDispatcherMiddleware(middleware.ActivityAsync);
        }

        this.worker = worker;
        await worker.StartAsync().WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref this.worker, null) is not { } worker)
        {
            return;
        }

        try
        {
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: what is still running is abandoned and retried elsewhere.
            await worker.StopAsync(isForced: true);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await this.StopAsync(CancellationToken.None);

    private static Task BindToInstance(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is DeferredOrchestration orchestration)
        {
            var parent = context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance;
            orchestration.Bind(parent is null ? null : new ParentOrchestrationInstance(parent.Name, parent.OrchestrationInstance.InstanceId));
        }

        return next();
    }
}
