namespace PaymentFunctions.Payments.Lifecycle;

/// <summary>
/// What a payment's orchestration needs to decide without reading the database: the payment's terms and the
/// policy in force when it started (kept in the history, so replays decide the same way after a settings change).
/// </summary>
public sealed record PaymentLifecycleInput(
    string PaymentId,
    decimal AmountMxn,
    DateTimeOffset Deadline,
    DateTimeOffset CustodyEnd,
    int RequiredApprovals,
    string SellerBankAccountId,
    LifecyclePolicy Policy)
{
    /// <summary>The orchestration instance id of a payment.</summary>
    public static string InstanceIdFor(string paymentId) => $"payment-{paymentId}";
}
