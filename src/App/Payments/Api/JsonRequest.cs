using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>
/// Reads a JSON request body strictly, turning every shape error into a problem naming the field: numbers must be
/// JSON numbers (<c>"250.00"</c> is refused, as the OpenAPI document says), a key may appear once, and members the
/// body type does not have are refused rather than ignored, so a misspelt field never passes silently.
/// </summary>
internal static class JsonRequest
{
    /// <summary>The options every typed request body is read with; also what the OpenAPI document describes.</summary>
    public static readonly JsonSerializerOptions Options = Strict(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the request rules (strict numbers, no duplicate keys, no unknown members) to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 32;
        return options;
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>; an empty body is <paramref name="whenEmpty"/> (a problem naming
    /// <c>body</c> when that is null).
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, T? whenEmpty = default)
        where T : class
    {
        var (text, tooLarge) = await RequestBody.ReadTextAsync(context);
        if (tooLarge is not null)
        {
            return (null, tooLarge);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty is null ? (null, PaymentProblems.Invalid("body", "A JSON body is required.")) : (whenEmpty, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, Options);
            return value is null ? (null, PaymentProblems.Invalid("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex);
            return (null, PaymentProblems.Invalid(field, $"'{field}' has the wrong type or shape, is repeated, or is not a field of this body (numbers are JSON numbers, not strings)."));
        }
    }

    /// <summary>The JSON path of the failure as a dotted field (<c>buyer.name</c>); <c>body</c> for the root.</summary>
    private static string FieldOf(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;

        // STJ writes members that are not identifiers as ['name']: turn them into .name like the others.
        var field = System.Text.RegularExpressions.Regex.Replace(path, @"\['((?:[^']|'')*)'\]", m => "." + m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal));
        field = field.TrimStart('$').TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }
}
