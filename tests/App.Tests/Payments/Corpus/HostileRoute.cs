using System.Text.Json.Nodes;

namespace PaymentFunctions.App.Tests.Payments.Corpus;

/// <summary>A POST route under attack: its path, headers, a valid body to mutate and the fields that body has.</summary>
/// <param name="Name">For messages.</param>
/// <param name="Path">Relative URI.</param>
/// <param name="Headers">Headers every request carries (keys).</param>
/// <param name="Template">A body the route accepts; null when the route takes no body (every body is then hostile).</param>
/// <param name="Fields">The template's scalar fields by dotted path, with whether they are numbers.</param>
/// <param name="FieldOfAnyBody">The field named when the body as a whole is wrong (<c>body</c>, or the id a webhook lacks).</param>
/// <param name="Strict">Whether the route refuses unknown members and repeated keys itself (the webhook reads only its id).</param>
public sealed record HostileRoute(
    string Name,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    Func<JsonObject>? Template,
    IReadOnlyList<(string Path, bool IsNumber)> Fields,
    string FieldOfAnyBody = "body",
    bool Strict = true);
