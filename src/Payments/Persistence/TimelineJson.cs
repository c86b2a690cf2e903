using System.Text.Json;

namespace PaymentFunctions.Payments.Persistence;

/// <summary>Timeline data as JSON objects of strings; keys sorted so equal data always serializes the same.</summary>
internal static class TimelineJson
{
    public static string Serialize(IReadOnlyDictionary<string, string>? data) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(
            (data ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal));

    public static Dictionary<string, string> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
