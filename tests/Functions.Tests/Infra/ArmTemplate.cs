using System.Text.Json.Nodes;

namespace PaymentFunctions.Functions.Tests.Infra;

/// <summary>The compiled ARM JSON of <c>main.bicep</c>, with its modules' nested templates.</summary>
public sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    /// <summary>Every resource of the template and of every nested deployment, with the template it sits in.</summary>
    public IEnumerable<(JsonObject Resource, JsonObject Template)> AllResources() => Walk(this.Root);

    /// <summary>The resources of one type.</summary>
    public IReadOnlyList<JsonObject> OfType(string type) =>
        this.AllResources().Where(r => (string?)r.Resource["type"] == type).Select(r => r.Resource).ToList();

    /// <summary>A top-level module's deployment resource.</summary>
    public JsonObject Module(string name) =>
        Resources(this.Root).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    public static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0
        _ => [],
    };

    private static IEnumerable<(JsonObject, JsonObject)> Walk(JsonObject template)
    {
        foreach (var resource in Resources(template))
        {
            yield return (resource, template);
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
