using Microsoft.DurableTask;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>Estimates the transfers' gas from the chain; nothing is signed or sent.</summary>
public sealed class SimulateExecution(RuleChain chain) : TaskActivity<SimulationStep, GasEstimate>
{
    public override Task<GasEstimate> RunAsync(TaskActivityContext context, SimulationStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return chain.EstimateAsync(input.Transfers, CancellationToken.None);
    }
}
