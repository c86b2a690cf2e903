using PaymentFunctions.Rules.Approvals;

namespace PaymentFunctions.Rules.Validation;

/// <summary>Layer 5: the requester may define and run rules, and (at execution) the approvals are complete.</summary>
public static class AuthorizationValidator
{
    /// <param name="requester">The authenticated person asking, or null when nobody could be identified.</param>
    /// <param name="allowedRequesters">Who may create and run rules.</param>
    /// <param name="approvals">The requirement and decisions so far; only at execution.</param>
    public static IReadOnlyList<RuleProblem> Validate(
        string? requester,
        IReadOnlyCollection<string> allowedRequesters,
        (ApprovalRequirement Requirement, IReadOnlyList<ApprovalDecision> Decisions)? approvals)
    {
        ArgumentNullException.ThrowIfNull(allowedRequesters);
        var problems = new List<RuleProblem>();
        if (requester is null || !allowedRequesters.Contains(requester, StringComparer.Ordinal))
        {
            problems.Add(new RuleProblem(ValidationLayer.Authorization, "$", $"The requester '{requester ?? "(unknown)"}' is not allowed to define or run payment rules."));
        }

        if (approvals is { } a)
        {
            problems.AddRange(ApprovalPolicy.Evaluate(a.Requirement, a.Decisions).Missing);
        }

        return problems;
    }
}
