using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PaymentFunctions.Functions.Durable;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Execution.Activities;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Functions.Rules;

/// <summary>
/// The payment rules' orchestrators and activities as Durable Functions, each a one-line delegation to the class the
/// self-hosted app registers through <c>AddRules()</c>; the names are the registry's.
/// </summary>
public static class RuleFunctions
{
    /// <summary>The eternal schedule of one rule (<c>rule-{id}</c>).</summary>
    [Function(RuleSchedule.Name)]
    public static Task<string> RuleScheduleAsync([OrchestrationTrigger] TaskOrchestrationContext context, RuleScheduleState input) =>
        new RuleSchedule().RunAsync(context, input);

    /// <summary>One execution of a rule.</summary>
    [Function(RuleExecution.Name)]
    public static Task<ExecutionOutcome> RuleExecutionAsync([OrchestrationTrigger] TaskOrchestrationContext context, ExecutionRequest input) =>
        new RuleExecution().RunAsync(context, input);

    /// <summary><see cref="LoadRule"/>.</summary>
    [Function(nameof(LoadRule))]
    public static Task<RuleSnapshot> LoadRuleAsync([ActivityTrigger] string input, FunctionContext function) =>
        Activities.RunAsync<LoadRule, string, RuleSnapshot>(function, input);

    /// <summary><see cref="PrepareExecution"/>.</summary>
    [Function(nameof(PrepareExecution))]
    public static Task<PreparedExecution> PrepareExecutionAsync([ActivityTrigger] ExecutionRequest input, FunctionContext function) =>
        Activities.RunAsync<PrepareExecution, ExecutionRequest, PreparedExecution>(function, input);

    /// <summary><see cref="CheckApprovals"/>.</summary>
    [Function(nameof(CheckApprovals))]
    public static Task<ApprovalCheck> CheckApprovalsAsync([ActivityTrigger] ApprovalQuery input, FunctionContext function) =>
        Activities.RunAsync<CheckApprovals, ApprovalQuery, ApprovalCheck>(function, input);

    /// <summary><see cref="ReserveLimits"/>.</summary>
    [Function(nameof(ReserveLimits))]
    public static Task<SafetyDecision> ReserveLimitsAsync([ActivityTrigger] SpendRequest input, FunctionContext function) =>
        Activities.RunAsync<ReserveLimits, SpendRequest, SafetyDecision>(function, input);

    /// <summary><see cref="SendRuleTransfer"/>.</summary>
    [Function(nameof(SendRuleTransfer))]
    public static Task<SentTransfer> SendRuleTransferAsync([ActivityTrigger] TransferStep input, FunctionContext function) =>
        Activities.RunAsync<SendRuleTransfer, TransferStep, SentTransfer>(function, input);

    /// <summary><see cref="SimulateExecution"/>.</summary>
    [Function(nameof(SimulateExecution))]
    public static Task<GasEstimate> SimulateExecutionAsync([ActivityTrigger] SimulationStep input, FunctionContext function) =>
        Activities.RunAsync<SimulateExecution, SimulationStep, GasEstimate>(function, input);

    /// <summary><see cref="FinishExecution"/>.</summary>
    [Function(nameof(FinishExecution))]
    public static Task<ExecutionOutcome> FinishExecutionAsync([ActivityTrigger] ExecutionFinish input, FunctionContext function) =>
        Activities.RunAsync<FinishExecution, ExecutionFinish, ExecutionOutcome>(function, input);
}
