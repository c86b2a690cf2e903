using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaymentFunctions.App.Management;

/// <summary>Reads an optional JSON request body as a payload, so any JSON value can be an input or event data.</summary>
internal static class JsonBody
{
    public static async Task<(JsonNode? Value, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonNode.Parse(text), null);
        }
        catch (JsonException ex)
        {
            return (null, Results.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."] },
                title: "The request body is invalid."));
        }
    }
}
