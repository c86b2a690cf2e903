using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Execution;

namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// Runs the five layers. When the structure is wrong nothing else can be read, so only layer 1 reports; otherwise
/// layers 2–5 all run and all report, so one answer lists every problem.
/// </summary>
public static class RuleValidator
{
    /// <summary>Validates a rule being created or edited.</summary>
    public static RuleValidationReport ValidateDefinition(string json, SecurityContext security, string? requester, IReadOnlyCollection<string> allowedRequesters)
    {
        ArgumentNullException.ThrowIfNull(security);
        var structural = StructuralValidator.Validate(json);
        if (structural.Definition is not { } rule)
        {
            return new RuleValidationReport(null, structural.Problems);
        }

        return new RuleValidationReport(rule, [
            .. BusinessLogicValidator.Validate(rule, security.Now),
            .. FinancialValidator.Validate(rule, plan: null),
            .. SecurityValidator.Validate(rule, security, ValidationPhase.Definition, plan: null),
            .. AuthorizationValidator.Validate(requester, allowedRequesters, approvals: null),
        ]);
    }

    /// <summary>
    /// Validates a stored rule just before it sends: everything again (the whitelist and limits may have changed),
    /// plus the funds, the recipient delay and anomalies. Approvals are checked separately, once they arrive.
    /// </summary>
    public static IReadOnlyList<RuleProblem> ValidateExecution(RuleDefinition rule, ExecutionPlan plan, SecurityContext security, string requester, IReadOnlyCollection<string> allowedRequesters)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(security);
        return [
            .. BusinessLogicValidator.Validate(rule, DateTimeOffset.MinValue),
            .. FinancialValidator.Validate(rule, plan),
            .. SecurityValidator.Validate(rule, security, ValidationPhase.Execution, plan),
            .. AuthorizationValidator.Validate(requester, allowedRequesters, approvals: null),
        ];
    }

    /// <summary>The authorization layer on the approvals given so far.</summary>
    public static (ApprovalState State, IReadOnlyList<RuleProblem> Missing) ValidateApprovals(ApprovalRequirement requirement, IReadOnlyList<ApprovalDecision> decisions) =>
        ApprovalPolicy.Evaluate(requirement, decisions);
}
