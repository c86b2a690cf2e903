using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PaymentFunctions.App.Payments.Api;

/// <summary>Reads a JSON request body with the app's serializer settings, turning shape errors into problems naming the field.</summary>
internal static class JsonRequest
{
    /// <summary>
    /// The body as <typeparamref name="T"/>; an empty body is <paramref name="whenEmpty"/> (a problem naming
    /// <c>body</c> when that is null).
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, T? whenEmpty = default)
        where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return whenEmpty is null ? (null, PaymentProblems.Invalid("body", "A JSON body is required.")) : (whenEmpty, null);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, options);
            return value is null ? (null, PaymentProblems.Invalid("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, PaymentProblems.Invalid(field, $"'{field}' has the wrong type or shape."));
        }
    }
}
