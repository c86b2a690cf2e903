namespace PaymentFunctions.App.Security;

/// <summary>Endpoint metadata read by the key middleware.</summary>
/// <param name="Level">The key level the endpoint needs.</param>
/// <param name="AcceptsDurableTaskKey">Whether the durable-task system key also opens it (the management API).</param>
public sealed record FunctionKeyMetadata(AuthorizationLevel Level, bool AcceptsDurableTaskKey = false);
