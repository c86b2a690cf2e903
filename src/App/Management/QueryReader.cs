using System.Globalization;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.App.Management;

/// <summary>Reads typed query parameters, collecting a message per bad field for one 400 answer.</summary>
internal sealed class QueryReader(IQueryCollection query)
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool HasErrors => this.errors.Count > 0;

    public IResult Problem() => Results.ValidationProblem(this.errors, title: "One or more query parameters are invalid.");

    public bool Bool(string name, bool defaultValue)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        this.errors[name] = [$"'{name}' must be true or false."];
        return defaultValue;
    }

    public DateTimeOffset? Time(string name)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        this.errors[name] = [$"'{name}' must be an ISO 8601 time."];
        return null;
    }

    public int? PositiveInt(string name)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        this.errors[name] = [$"'{name}' must be a positive whole number."];
        return null;
    }

    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses(string name)
    {
        var values = query[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (var value in values)
        {
            if (Enum.TryParse<OrchestrationRuntimeStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(value, out _))
            {
                statuses.Add(status);
            }
            else
            {
                this.errors[name] = [$"'{value}' is not a runtime status; use {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."];
            }
        }

        return statuses;
    }

    public string? Text(string name) => query[name].FirstOrDefault() is { Length: > 0 } text ? text : null;

    public void Require(string name, object? value)
    {
        if (value is null && !this.errors.ContainsKey(name))
        {
            this.errors[name] = [$"'{name}' is required."];
        }
    }
}
