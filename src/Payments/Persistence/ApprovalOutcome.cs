namespace PaymentFunctions.Payments.Persistence;

/// <summary>What <see cref="PaymentStore.ApproveAsync"/> did.</summary>
public enum ApprovalOutcome
{
    /// <summary>A new approval was recorded.</summary>
    Recorded,

    /// <summary>This approver had already approved; nothing changed.</summary>
    AlreadyApprovedByThisApprover,

    /// <summary>No such payment.</summary>
    NotFound,

    /// <summary>The payment is terminal; approvals no longer matter.</summary>
    NotApprovable,
}
