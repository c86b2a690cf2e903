using System.Text.Json;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>Where the payment's orchestration is: its runtime status and the lifecycle step it reports.</summary>
public sealed record OrchestrationView(string InstanceId, string RuntimeStatus, JsonElement? CustomStatus);
