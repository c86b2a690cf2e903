namespace PaymentFunctions.Rules.Persistence;

/// <summary>Where an execution is; every state after <see cref="Sending"/> is final.</summary>
public enum ExecutionStatus
{
    Validating,
    AwaitingApproval,
    Sending,
    Completed,
    Simulated,
    Refused,
    Rejected,
    Expired,
    CompensationRequired,
    Failed,
}
