namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Lifecycle of a Juno transaction (<c>summary_status</c>).</summary>
public enum JunoTransactionStatus
{
    /// <summary>Accepted, not started.</summary>
    Pending,

    /// <summary>Being processed.</summary>
    InProgress,

    /// <summary>Done; final.</summary>
    Complete,

    /// <summary>Failed or returned; final.</summary>
    Failed,
}
