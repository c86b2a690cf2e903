using System.Globalization;

namespace PaymentFunctions.Payments.Timeline;

/// <summary>The languages timelines render in: Spanish (the product's default) and English.</summary>
public static class TimelineLanguage
{
    /// <summary>Spanish.</summary>
    public const string Spanish = "es";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>
    /// Picks <c>es</c> or <c>en</c> from an HTTP <c>Accept-Language</c> header: the supported language with the highest
    /// q-value wins (ties go to the one listed first), q=0 excludes, and anything else falls back to Spanish.
    /// </summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Spanish;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var language = pieces[0].Split('-')[0].ToLowerInvariant();
            if (language is not (Spanish or English))
            {
                continue;
            }

            var quality = Quality(pieces.AsSpan(1));
            if (quality > bestQuality)
            {
                (best, bestQuality) = (language, quality);
            }
        }

        return best ?? Spanish;
    }

    /// <summary><c>en</c> for any tag starting with "en", otherwise <c>es</c>.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Spanish;

    private static double Quality(ReadOnlySpan<string> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                return double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
                    ? Math.Clamp(q, 0.0, 1.0)
                    : 0.0;
            }
        }

        return 1.0;
    }
}
