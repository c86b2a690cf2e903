namespace PaymentFunctions.Rules.Approvals;

/// <summary>
/// What an execution needs approved: distinct approvers other than the requester (one, or two for a large amount),
/// every stakeholder (profit distribution), and N of each approval gate's group.
/// </summary>
public sealed record ApprovalRequirement(
    string Requester,
    int DistinctApprovers,
    IReadOnlyList<string> Stakeholders,
    IReadOnlyList<ApprovalGateRequirement> Gates);
