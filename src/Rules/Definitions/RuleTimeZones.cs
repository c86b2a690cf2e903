using System.Diagnostics.CodeAnalysis;

namespace PaymentFunctions.Rules.Definitions;

/// <summary>Looks time zones up by IANA name; an unknown name is a validation problem, never an exception.</summary>
public static class RuleTimeZones
{
    public static bool TryFind(string name, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.Equals(name, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone);
    }
}
