using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PaymentFunctions.Durable.History;
using PaymentFunctions.Durable.Storage;

namespace PaymentFunctions.Durable.Worker;

/// <summary>
/// Runs orchestration episodes and activities from the store, each kind with its own concurrency limit. Work is
/// locked under leases that are renewed while it runs; on shutdown the worker stops taking work and lets running
/// work finish, and whatever cannot finish is picked up elsewhere when its lease expires.
/// </summary>
public sealed partial class DurableTaskWorker : BackgroundService
{
    private readonly IOrchestrationStore store;
    private readonly DurableTaskRegistry registry;
    private readonly IServiceProvider services;
    private readonly DataConverter converter;
    private readonly DurableTaskWorkerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly EpisodeRunner episodes;

    /// <summary>Creates the worker; normally resolved from DI through <c>AddDurableTask</c>.</summary>
    public DurableTaskWorker(
        IOrchestrationStore store,
        DurableTaskRegistry registry,
        IServiceProvider services,
        IOptions<DurableTaskWorkerOptions> options,
        DataConverter? converter = null,
        TimeProvider? time = null,
        ILoggerFactory? loggerFactory = null)
    {
        this.store = store;
        this.registry = registry;
        this.services = services;
        this.options = options.Value;
        this.converter = converter ?? JsonDataConverter.Default;
        this.time = time ?? TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        this.logger = loggerFactory.CreateLogger<DurableTaskWorker>();
        this.episodes = new EpisodeRunner(registry, services, this.converter, loggerFactory, this.time, this.options.MaxDequeueCount);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await this.store.InitializeAsync(stoppingToken);
        await Task.WhenAll(
            this.DispatchAsync(WorkItemKind.Orchestration, this.options.MaxConcurrentOrchestratorFunctions, stoppingToken),
            this.DispatchAsync(WorkItemKind.Activity, this.options.MaxConcurrentActivityFunctions, stoppingToken));
    }

    private async Task DispatchAsync(WorkItemKind kind, int maxConcurrency, CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(maxConcurrency);
        var running = new HashSet<Task>();
        var idleWait = this.options.MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (slots.Wait(0))
                {
                    free++;
                }

                int fetched;
                try
                {
                    fetched = kind == WorkItemKind.Orchestration
                        ? this.Start(await this.store.LockOrchestrationWorkItemsAsync(free, stoppingToken), this.RunEpisodeAsync, slots, running)
                        : this.Start(await this.store.LockActivityWorkItemsAsync(free, stoppingToken), this.RunActivityAsync, slots, running);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFetchFailed(this.logger, kind, ex);
                    fetched = 0;
                }

                if (free > fetched)
                {
                    slots.Release(free - fetched);
                }
                if (fetched == 0)
                {
                    await this.store.WaitForWorkAsync(kind, idleWait, stoppingToken);
                    idleWait = TimeSpan.FromTicks(Math.Min(idleWait.Ticks * 2, this.options.MaxPollingInterval.Ticks));
                }
                else
                {
                    idleWait = this.options.MinPollingInterval;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }

        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(this.options.ShutdownTimeout, CancellationToken.None));
    }

    private int Start<T>(IReadOnlyList<T> items, Func<T, Task> run, SemaphoreSlim slots, HashSet<Task> running)
    {
        foreach (var item in items)
        {
            var task = Task.Run(() => run(item));
            lock (running)
            {
                running.Add(task);
            }

            task.ContinueWith(
                t =>
                {
                    lock (running)
                    {
                        running.Remove(t);
                    }

                    slots.Release();
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        return items.Count;
    }

    private async Task RunEpisodeAsync(OrchestrationWorkItem item)
    {
        using var renewal = new CancellationTokenSource();
        var renewing = this.RenewAsync(() => this.store.RenewOrchestrationWorkItemLockAsync(item, renewal.Token), renewal.Token);
        try
        {
            var checkpoint = this.episodes.Run(item);
            if (!await this.store.CompleteOrchestrationWorkItemAsync(item, checkpoint, CancellationToken.None))
            {
                LogEpisodeDropped(this.logger, item.InstanceId);
            }
            else if (checkpoint.State.Status is var status && status != item.State?.Status)
            {
                LogStatusChanged(this.logger, item.InstanceId, status);
            }
        }
        catch (Exception ex)
        {
            LogEpisodeFailed(this.logger, item.InstanceId, ex);
            await this.TryAsync(() => this.store.AbandonOrchestrationWorkItemAsync(item, TimeSpan.FromSeconds(1), CancellationToken.None));
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task RunActivityAsync(ActivityWorkItem item)
    {
        using var renewal = new CancellationTokenSource();
        var renewing = this.RenewAsync(() => this.store.RenewActivityWorkItemLockAsync(item, renewal.Token), renewal.Token);
        try
        {
            var result = await this.ExecuteActivityAsync(item);
            if (!await this.store.CompleteActivityWorkItemAsync(item, result, CancellationToken.None))
            {
                LogActivityDropped(this.logger, item.Request.Event.Name, item.Request.InstanceId);
            }
        }
        catch (Exception ex)
        {
            LogActivityCompletionFailed(this.logger, item.Request.Event.Name, item.Request.InstanceId, ex);
            await this.TryAsync(() => this.store.AbandonActivityWorkItemAsync(item, CancellationToken.None));
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }
    }

    private async Task<HistoryEvent> ExecuteActivityAsync(ActivityWorkItem item)
    {
        var request = item.Request;
        var scheduled = request.Event;
        if (item.DequeueCount > this.options.MaxDequeueCount)
        {
            return new TaskFailedEvent(this.time.GetUtcNow(), scheduled.EventId, new("PoisonMessage",
                $"Activity '{scheduled.Name}' was dequeued {item.DequeueCount} times without completing (limit {this.options.MaxDequeueCount}); its worker likely crashes while running it."));
        }

        await using var scope = this.services.CreateAsyncScope();
        try
        {
            var activity = this.registry.CreateActivity(scheduled.Name, scope.ServiceProvider)
                ?? throw new InvalidOperationException($"No activity named '{scheduled.Name}' is registered with this worker.");
            var input = this.converter.Deserialize(scheduled.Input, activity.InputType);
            var context = new ActivityContext(scheduled.Name, request.InstanceId, scheduled.StepId, request.Generation);
            var output = await activity.RunAsync(context, input);
            return new TaskCompletedEvent(this.time.GetUtcNow(), scheduled.EventId, this.converter.Serialize(output));
        }
        catch (Exception ex)
        {
            LogActivityFailed(this.logger, scheduled.Name, request.InstanceId, ex.GetType().Name);
            return new TaskFailedEvent(this.time.GetUtcNow(), scheduled.EventId, TaskFailureDetails.FromException(ex));
        }
    }

    private async Task RenewAsync(Func<Task<bool>> renew, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(this.options.LockRenewalInterval, this.time, cancellationToken);
                if (!await renew())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogRenewFailed(this.logger, ex);
        }
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            LogAbandonFailed(this.logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching {Kind} work failed; retrying")]
    private static partial void LogFetchFailed(ILogger logger, WorkItemKind kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Episode of {InstanceId} was dropped: its lease was lost or another worker committed it")]
    private static partial void LogEpisodeDropped(ILogger logger, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} is now {Status}")]
    private static partial void LogStatusChanged(ILogger logger, string instanceId, Client.OrchestrationRuntimeStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Episode of {InstanceId} could not be run or committed; it will be retried")]
    private static partial void LogEpisodeFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Result of activity {Name} for {InstanceId} was dropped: its lease was lost")]
    private static partial void LogActivityDropped(ILogger logger, string name, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Result of activity {Name} for {InstanceId} could not be committed; it will run again")]
    private static partial void LogActivityCompletionFailed(ILogger logger, string name, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Name} for {InstanceId} failed with {ExceptionType}")]
    private static partial void LogActivityFailed(ILogger logger, string name, string instanceId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a lease failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Abandoning a work item failed; its lease will expire")]
    private static partial void LogAbandonFailed(ILogger logger, Exception exception);
}
