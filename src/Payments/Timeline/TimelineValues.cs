using System.Globalization;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Payments.Domain;

namespace PaymentFunctions.Payments.Timeline;

/// <summary>
/// An event's data formatted for display in one language: amounts as <c>$1,234.50 MXN</c> (invariant, since the
/// app runs with invariant globalization), CLABEs masked, hashes shortened, and a readable stand-in when a value is missing.
/// </summary>
internal sealed class TimelineValues(IReadOnlyDictionary<string, string> data, bool english)
{
    public string Amount => Get(TimelineData.AmountMxn) is { } raw
        && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? FormatMxn(amount)
            : Missing("monto no indicado", "unspecified amount");

    public string Clabe => ClabeMask.Mask(Get(TimelineData.Clabe)) ?? Missing("no indicada", "not given");

    public string TransactionId => Get(TimelineData.TransactionId) ?? Missing("sin referencia", "no reference");

    public string Hash => Get(TimelineData.TransactionHash) is { } hash ? ShortHash(hash) : Missing("sin transacción", "no transaction");

    public string EscrowId => Get(TimelineData.EscrowId) ?? Missing("sin número", "without number");

    public string Actor => Get(TimelineData.Actor) ?? Missing("Alguien", "Someone");

    public string Count => Get(TimelineData.Count) ?? "?";

    public string Required => Get(TimelineData.Required) ?? "?";

    /// <summary>The free-text reason without its closing full stop: every sentence that quotes it ends with its own.</summary>
    public string Reason => Get(TimelineData.Reason)?.TrimEnd().TrimEnd('.') is { Length: > 0 } reason
        ? reason
        : Missing("sin motivo indicado", "no reason given");

    public string TrackingKey => Get(TimelineData.TrackingKey) ?? Missing("sin clave", "none");

    public string Status => Get(TimelineData.Status) ?? Missing("en un estado desconocido", "in an unknown state");

    public string Until => Get(TimelineData.Until) is { } raw
        && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : Missing("una fecha no indicada", "an unspecified date");

    /// <summary>The recorded dispute outcome; null when missing or not a <see cref="Domain.DisputeOutcome"/> name.</summary>
    public DisputeOutcome? DisputeOutcome => Get(TimelineData.Outcome) is { } raw
        && Enum.GetNames<DisputeOutcome>().FirstOrDefault(name => string.Equals(name, raw, StringComparison.OrdinalIgnoreCase)) is { } known
            ? Enum.Parse<DisputeOutcome>(known)
            : null;

    /// <summary><c>$1,234.50 MXN</c>, whatever the culture.</summary>
    public static string FormatMxn(decimal amount) =>
        "$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " MXN";

    private string? Get(string key) => data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private string Missing(string spanish, string englishText) => english ? englishText : spanish;

    private static string ShortHash(string hash) => hash.Length > 14 ? $"{hash[..10]}…{hash[^4..]}" : hash;
}
