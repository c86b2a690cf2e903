using System.Text.Json;

namespace PaymentFunctions.Demo.Api;

/// <summary>The 201 answer to a creation: the payment and the durable check-status payload of its orchestration.</summary>
public sealed record CreatedPayment(PaymentSnapshot Payment, JsonElement CheckStatus);
