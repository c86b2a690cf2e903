using Microsoft.DurableTask;
using PaymentFunctions.Rules.Execution.Activities;

namespace PaymentFunctions.Rules.Execution;

/// <summary>Registers the rules' orchestrators and activities with the engine (both hosts).</summary>
public static class RulesRegistration
{
    public static DurableTaskRegistry AddRules(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<RuleSchedule>()
            .AddOrchestrator<RuleExecution>()
            .AddActivity<LoadRule>()
            .AddActivity<PrepareExecution>()
            .AddActivity<CheckApprovals>()
            .AddActivity<ReserveLimits>()
            .AddActivity<SendRuleTransfer>()
            .AddActivity<SimulateExecution>()
            .AddActivity<FinishExecution>();
    }
}
