namespace PaymentFunctions.Banking.Juno.Models;

/// <summary>Helpers over <see cref="JunoTransactionStatus"/>.</summary>
public static class JunoTransactionStatusExtensions
{
    /// <summary>True for statuses that never change again (COMPLETE, FAILED).</summary>
    public static bool IsFinal(this JunoTransactionStatus status) =>
        status is JunoTransactionStatus.Complete or JunoTransactionStatus.Failed;
}
