using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Payments.Lifecycle.Activities;

/// <summary>Where a Juno transaction stands: settled, failed (with Juno's reason) or still pending.</summary>
public sealed record JunoTransactionState(JunoTransactionStatus Status, string? TransactionHash, string? FailureReason)
{
    /// <summary>True once Juno will not change it any more.</summary>
    public bool IsFinal => Status is JunoTransactionStatus.Complete or JunoTransactionStatus.Failed;
}
