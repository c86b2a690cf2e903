using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace PaymentFunctions.DurableTask.Hosting.Worker;

/// <summary>
/// The registry's orchestrators and activities as DTFx object managers. Lookups ignore the version: a
/// <see cref="TaskName"/> carries none, and DTFx's default manager would leave an instance started with a version
/// Pending forever.
/// </summary>
internal sealed class RegisteredTasks
{
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> orchestrators;
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities;

    public RegisteredTasks(DurableTaskRegistry registry, IServiceProvider services, DurableTaskShimFactory shims)
    {
        this.orchestrators = registry.GetOrchestrators().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        this.activities = registry.GetActivities().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        this.Orchestrations = new ObjectManager<TaskOrchestration>(name =>
            this.orchestrators.TryGetValue(name, out var create) ? new DeferredOrchestration(name, create(services), shims) : null);
        this.Activities = new ObjectManager<TaskActivity>(name =>
            this.activities.TryGetValue(name, out var create) ? new ScopedActivity(name, create, services, shims) : null);
    }

    /// <summary>A new orchestration object per episode, as DTFx asks for one.</summary>
    public INameVersionObjectManager<TaskOrchestration> Orchestrations { get; }

    /// <summary>A new activity object per execution.</summary>
    public INameVersionObjectManager<TaskActivity> Activities { get; }

    /// <summary>The registered orchestrator names.</summary>
    public IEnumerable<string> OrchestratorNames => this.orchestrators.Keys;

    /// <summary>The registered activity names.</summary>
    public IEnumerable<string> ActivityNames => this.activities.Keys;

    private sealed class ObjectManager<T>(Func<string, T?> create) : INameVersionObjectManager<T>
        where T : class
    {
        public void Add(ObjectCreator<T> creator)
            => throw new NotSupportedException("Register tasks in the DurableTaskRegistry.");

        public T? GetObject(string name, string? version) => create(name);
    }
}
