namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// What the security layer checks against: the whitelist (address → when it was added), the wallets the platform
/// signs for, the rule's executed totals so far, the clock and the limits.
/// </summary>
public sealed record SecurityContext(
    IReadOnlyDictionary<string, DateTimeOffset> Whitelist,
    IReadOnlyCollection<string> PlatformAccounts,
    IReadOnlyList<decimal> History,
    DateTimeOffset Now,
    Safety.SafetyLimits Limits);
