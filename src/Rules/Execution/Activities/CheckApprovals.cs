using Microsoft.DurableTask;
using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>Reads the decisions recorded so far and judges them (authorization layer).</summary>
public sealed class CheckApprovals(RuleStore store) : TaskActivity<ApprovalQuery, ApprovalCheck>
{
    public override async Task<ApprovalCheck> RunAsync(TaskActivityContext context, ApprovalQuery input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decisions = (await store.DecisionsAsync(input.ExecutionId, CancellationToken.None).ConfigureAwait(false))
            .Select(d => new ApprovalDecision(d.Approver, d.Approved, d.At))
            .ToList();
        var (state, missing) = RuleValidator.ValidateApprovals(input.Requirement, decisions);
        return new ApprovalCheck(state, missing);
    }
}
