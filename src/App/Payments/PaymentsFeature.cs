namespace PaymentFunctions.App.Payments;

/// <summary>
/// Whether this host runs payments (<c>Chain:RpcUrl</c> is set). Without it the app starts as a plain durable host
/// and the payment endpoints answer 503, so a missing setting is visible instead of failing at start-up.
/// </summary>
/// <param name="Enabled">True when the payment services are registered.</param>
public sealed record PaymentsFeature(bool Enabled);
