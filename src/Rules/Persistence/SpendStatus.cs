namespace PaymentFunctions.Rules.Persistence;

/// <summary>Whether a counted transfer is on its way, sent, or given back to the limits.</summary>
public enum SpendStatus
{
    Reserved,
    Sent,
    Released,
}
