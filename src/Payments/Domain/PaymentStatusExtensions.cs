namespace PaymentFunctions.Payments.Domain;

/// <summary>Questions about a <see cref="PaymentStatus"/>.</summary>
public static class PaymentStatusExtensions
{
    /// <summary>The statuses no payment ever leaves; the store and the API refuse changes once there.</summary>
    public static IReadOnlyList<PaymentStatus> Terminal { get; } =
        [PaymentStatus.Completed, PaymentStatus.Expired, PaymentStatus.Refunded, PaymentStatus.Failed];

    /// <summary>True for <see cref="PaymentStatus.Completed"/>, <see cref="PaymentStatus.Expired"/>,
    /// <see cref="PaymentStatus.Refunded"/> and <see cref="PaymentStatus.Failed"/>.</summary>
    public static bool IsTerminal(this PaymentStatus status) =>
        status is PaymentStatus.Completed or PaymentStatus.Expired or PaymentStatus.Refunded or PaymentStatus.Failed;
}
