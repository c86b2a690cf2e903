using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentFunctions.DurableTask.Postgres.Tests.Orchestrations;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Infrastructure;

/// <summary>
/// A fresh task hub with plain DTFx on it: <see cref="TaskHubWorker"/>s over <see cref="PostgresOrchestrationService"/>s
/// (one per worker, as separate processes would have) and a <see cref="TaskHubClient"/>.
/// </summary>
internal sealed class TestHub : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<TaskHubWorker> workers = [];
    private readonly List<PostgresOrchestrationService> services = [];

    private TestHub(PostgresOrchestrationServiceSettings settings, PostgresOrchestrationService client)
    {
        this.Settings = settings;
        this.Service = client;
        this.services.Add(client);
        this.Client = new TaskHubClient(client);
    }

    public PostgresOrchestrationServiceSettings Settings { get; }

    /// <summary>The service behind the client (not behind any worker).</summary>
    public PostgresOrchestrationService Service { get; }

    public TaskHubClient Client { get; }

    public static async Task<TestHub> CreateAsync(string hint, Func<PostgresOrchestrationServiceSettings, PostgresOrchestrationServiceSettings>? configure = null)
    {
        var settings = new PostgresOrchestrationServiceSettings
        {
            ConnectionString = await TestDatabase.ConnectionStringAsync(),
            TaskHubName = TestDatabase.NewHubName(hint),
            WorkItemLockTimeout = TimeSpan.FromSeconds(10),
            MaxConcurrentTaskOrchestrationWorkItems = 8,
            MaxConcurrentTaskActivityWorkItems = 8,
        };
        settings = configure?.Invoke(settings) ?? settings;
        var service = new PostgresOrchestrationService(settings, NullLoggerFactory.Instance);
        await service.CreateIfNotExistsAsync();
        return new TestHub(settings, service);
    }

    /// <summary>Starts one more worker on the hub, with every test orchestration and activity registered.</summary>
    public async Task<TaskHubWorker> StartWorkerAsync(Action<TaskHubWorker>? configure = null, PostgresOrchestrationServiceSettings? settings = null)
    {
        var service = this.NewService(settings);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(Registry.Orchestrations);
        worker.AddTaskActivities(Registry.Activities);
        configure?.Invoke(worker);
        await worker.StartAsync();
        this.workers.Add(worker);
        return worker;
    }

    /// <summary>Another service on the same hub, disposed with the hub.</summary>
    public PostgresOrchestrationService NewService(PostgresOrchestrationServiceSettings? settings = null)
    {
        var service = new PostgresOrchestrationService(settings ?? this.Settings, NullLoggerFactory.Instance);
        this.services.Add(service);
        return service;
    }

    public async Task<OrchestrationState> StartAndWaitAsync(Type orchestration, object? input, string? instanceId = null)
    {
        var instance = await this.Client.CreateOrchestrationInstanceAsync(orchestration, instanceId ?? Guid.NewGuid().ToString("N"), input);
        return await this.WaitAsync(instance);
    }

    public async Task<OrchestrationState> WaitAsync(OrchestrationInstance instance)
    {
        var state = await this.Client.WaitForOrchestrationAsync(instance, Timeout);
        Assert.NotNull(state);
        return state;
    }

    /// <summary>Polls the instance until <paramref name="condition"/> holds (bounded by <see cref="Timeout"/>).</summary>
    public async Task<OrchestrationState> WaitUntilAsync(string instanceId, Func<OrchestrationState, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var state = await this.Client.GetOrchestrationStateAsync(instanceId);
            if (state is not null && condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Instance {instanceId} never reached the expected state; last: {state?.OrchestrationStatus}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in this.workers)
        {
            await worker.StopAsync(true);
            worker.Dispose();
        }

        foreach (var service in this.services)
        {
            await service.DisposeAsync();
        }
    }
}
