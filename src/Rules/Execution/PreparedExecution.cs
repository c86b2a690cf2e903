using PaymentFunctions.Rules.Approvals;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// The validated, recorded pre-execution state: whether to go on (and why not), the plan, each condition's result,
/// who must approve and the confirmation depth.
/// </summary>
public sealed record PreparedExecution(
    bool Proceed,
    string? Reason,
    ExecutionPlan? Plan,
    IReadOnlyList<ConditionResult> Conditions,
    ApprovalRequirement? Requirement,
    int ConfirmationBlocks);
