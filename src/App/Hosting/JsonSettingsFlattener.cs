using System.Text.Json;

namespace PaymentFunctions.App.Hosting;

/// <summary>Turns a JSON document into configuration keys (<c>a:b:0</c>), as the JSON configuration provider does.</summary>
internal static class JsonSettingsFlattener
{
    public static void Flatten(JsonElement element, string prefix, IDictionary<string, string?> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, Combine(prefix, property.Name), into);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, Combine(prefix, index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), into);
                }

                break;
            case JsonValueKind.Null:
                into[prefix] = null;
                break;
            case JsonValueKind.String:
                into[prefix] = element.GetString();
                break;
            default:
                into[prefix] = element.GetRawText();
                break;
        }
    }

    private static string Combine(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}:{name}";
}
