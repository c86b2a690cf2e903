using PaymentFunctions.App.Management;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>The answer to a creation: the payment and the durable check-status payload of its orchestration.</summary>
public sealed record CreatedPaymentResponse(PaymentView Payment, CheckStatusResponse CheckStatus);
