namespace PaymentFunctions.Rules.Approvals;

/// <summary>Where an execution's approvals stand.</summary>
public enum ApprovalState
{
    /// <summary>More approvals are needed.</summary>
    Pending,

    /// <summary>Every requirement is met.</summary>
    Complete,

    /// <summary>An approver rejected it.</summary>
    Rejected,
}
