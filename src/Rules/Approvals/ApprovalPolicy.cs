using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Approvals;

/// <summary>
/// Who must approve an execution, and whether the decisions so far satisfy that. The requester's own approval never
/// counts; a rejection by anyone else ends it.
/// </summary>
public static class ApprovalPolicy
{
    public static ApprovalRequirement For(RuleDefinition rule, string requester, decimal total, SafetyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(limits);
        var distinct = limits.LargeAmountDoubleApproval && total >= limits.LargeAmountThreshold ? 2 : 1;
        var gates = rule.Conditions
            .Select((c, i) => (c, i))
            .Where(x => x.c.Kind == ConditionKind.ApprovalGate)
            .Select(x => new ApprovalGateRequirement($"$.conditions[{x.i}]", x.c.Required, x.c.Group))
            .ToList();
        var stakeholders = rule.Type == RuleType.ProfitDistribution ? rule.Stakeholders : [];
        return new ApprovalRequirement(requester, distinct, stakeholders, gates);
    }

    /// <summary>The state, and a problem for each requirement still open (authorization layer).</summary>
    public static (ApprovalState State, IReadOnlyList<RuleProblem> Missing) Evaluate(ApprovalRequirement requirement, IReadOnlyList<ApprovalDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(decisions);
        var problems = new RuleProblems(ValidationLayer.Authorization);
        var others = decisions.Where(d => !string.Equals(d.Approver, requirement.Requester, StringComparison.Ordinal)).ToList();
        if (others.FirstOrDefault(d => !d.Approved) is { } rejection)
        {
            problems.Add("$", $"{rejection.Approver} rejected the execution.");
            return (ApprovalState.Rejected, problems.All);
        }

        var approvers = others.Select(d => d.Approver).ToHashSet(StringComparer.Ordinal);
        if (approvers.Count < requirement.DistinctApprovers)
        {
            problems.Add("$", $"Needs {requirement.DistinctApprovers} approval(s) from someone other than the requester ({requirement.Requester}); has {approvers.Count}.");
        }

        for (var i = 0; i < requirement.Stakeholders.Count; i++)
        {
            var stakeholder = requirement.Stakeholders[i];
            if (!approvers.Contains(stakeholder) && !string.Equals(stakeholder, requirement.Requester, StringComparison.Ordinal))
            {
                problems.Add($"$.stakeholders[{i}]", $"Stakeholder {stakeholder} has not approved.");
            }
            else if (string.Equals(stakeholder, requirement.Requester, StringComparison.Ordinal) && !approvers.Contains(stakeholder))
            {
                // A stakeholder who requested cannot approve their own execution; the others' approvals must cover it.
                problems.Add($"$.stakeholders[{i}]", $"Stakeholder {stakeholder} requested the execution and cannot approve it; another person must request it.");
            }
        }

        foreach (var gate in requirement.Gates)
        {
            var count = gate.Group.Count(approvers.Contains);
            if (count < gate.Required)
            {
                problems.Add(gate.Path, $"The approval gate needs {gate.Required} approval(s) from {string.Join(", ", gate.Group)}; has {count}.");
            }
        }

        return (problems.Any ? ApprovalState.Pending : ApprovalState.Complete, problems.All);
    }
}
