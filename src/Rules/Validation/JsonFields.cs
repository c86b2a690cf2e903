using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaymentFunctions.Rules.Validation;

/// <summary>
/// Reads the members of one JSON object, adding a structural problem (with its JSON path) for each missing,
/// mistyped or unknown member instead of stopping at the first.
/// </summary>
internal sealed partial class JsonFields
{
    private readonly JsonElement element;
    private readonly RuleProblems problems;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path, RuleProblems problems)
    {
        this.element = element;
        this.Path = path;
        this.problems = problems;
    }

    public string Path { get; }

    /// <summary>The object at <paramref name="path"/>, or null (with a problem) when it is not one.</summary>
    public static JsonFields? Of(JsonElement element, string path, RuleProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, "Must be a JSON object.");
            return null;
        }

        return new JsonFields(element, path, problems);
    }

    public string At(string name) => $"{this.Path}.{name}";

    public bool Has(string name)
    {
        this.known.Add(name);
        return this.element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>The JSON kind of a member (Undefined when absent).</summary>
    public JsonValueKind KindOf(string name)
    {
        this.known.Add(name);
        return this.element.TryGetProperty(name, out var value) ? value.ValueKind : JsonValueKind.Undefined;
    }

    public string? String(string name, bool required, int maxLength = 200)
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return this.Wrong(name, "a string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
        {
            this.problems.Add(this.At(name), $"Must be 1 to {maxLength} printable characters.");
            return null;
        }

        return text;
    }

    /// <summary>A wallet address, 0x and 40 hex digits, returned in lowercase.</summary>
    public string? Address(string name, bool required)
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !AddressPattern().IsMatch(value.GetString()!))
        {
            this.problems.Add(this.At(name), "Must be a wallet address: 0x followed by 40 hexadecimal digits.");
            return null;
        }

        return value.GetString()!.ToLowerInvariant();
    }

    /// <summary>A JSON number read exactly (never through a double); a number written as a string is refused.</summary>
    public decimal? Decimal(string name, bool required)
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            this.problems.Add(this.At(name), "Must be a JSON number (not a string).");
            return null;
        }

        return number;
    }

    public int? Int(string name, bool required)
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            this.problems.Add(this.At(name), "Must be a whole JSON number.");
            return null;
        }

        return number;
    }

    public DateTimeOffset? Instant(string name, bool required)
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            || !value.GetString()!.Contains('T', StringComparison.Ordinal))
        {
            this.problems.Add(this.At(name), "Must be an ISO 8601 date and time, e.g. 2027-01-31T09:00:00Z.");
            return null;
        }

        return instant.ToUniversalTime();
    }

    /// <summary>One of <paramref name="names"/> (snake_case), mapped to its enum value.</summary>
    public T? Choice<T>(string name, bool required, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (this.Get(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && names.TryGetValue(value.GetString()!, out var chosen))
        {
            return chosen;
        }

        this.problems.Add(this.At(name), $"Must be one of: {string.Join(", ", names.Keys)}.");
        return null;
    }

    public JsonFields? Object(string name, bool required) =>
        this.Get(name, required) is { } value ? Of(value, this.At(name), this.problems) : null;

    /// <summary>The items of an array member with their paths; nothing (with a problem) when it is not an array.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Array(string name, bool required, int maxItems)
    {
        if (this.Get(name, required) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            this.Wrong(name, "an array");
            return [];
        }

        var items = value.EnumerateArray().Select((item, i) => (item, $"{this.At(name)}[{i}]")).ToList();
        if (items.Count > maxItems)
        {
            this.problems.Add(this.At(name), $"Must hold at most {maxItems} items.");
            return [];
        }

        return items;
    }

    /// <summary>Reports every member that no reader asked for: a misspelt field never passes silently.</summary>
    public void RejectUnknown()
    {
        foreach (var property in this.element.EnumerateObject())
        {
            if (!this.known.Contains(property.Name))
            {
                this.problems.Add(this.At(property.Name), "Is not a field of this object.");
            }
        }
    }

    public void Problem(string name, string message) => this.problems.Add(this.At(name), message);

    private JsonElement? Get(string name, bool required)
    {
        this.known.Add(name);
        if (this.element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            this.problems.Add(this.At(name), "Is required.");
        }

        return null;
    }

    private string? Wrong(string name, string what)
    {
        this.problems.Add(this.At(name), $"Must be {what}.");
        return null;
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressPattern();
}
