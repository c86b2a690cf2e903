using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace PaymentFunctions.DurableTask.Hosting.Worker;

/// <summary>
/// What the object manager hands DTFx for one episode. DTFx creates orchestrations without telling the creator
/// which instance they are for, so the shim, which must know the parent, is made once the dispatcher middleware
/// has seen the runtime state (<see cref="Bind"/>).
/// </summary>
internal sealed class DeferredOrchestration(TaskName name, ITaskOrchestrator orchestrator, DurableTaskShimFactory shims) : TaskOrchestration
{
    private TaskOrchestration? shim;

    /// <summary>Creates the shim with the instance's parent (null for a top-level instance).</summary>
    public void Bind(ParentOrchestrationInstance? parent) => this.shim ??= shims.CreateOrchestration(name, orchestrator, parent);

    public override Task<string> Execute(OrchestrationContext context, string input) => this.Shim.Execute(context, input);

    public override string GetStatus() => this.Shim.GetStatus();

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => this.Shim.RaiseEvent(context, name, input);

    private TaskOrchestration Shim => this.shim ?? throw new InvalidOperationException(
        $"Orchestration '{name}' ran without the hosting middleware that binds it to its instance.");
}
