using System.Text.Json;

namespace PaymentFunctions.Functions.Tests.Metadata;

/// <summary>One function of <c>functions.metadata</c>, reduced to its trigger.</summary>
public sealed record FunctionMetadata(string Name, string TriggerType, string? Route, IReadOnlyList<string> Methods, string? Schedule, string? AuthLevel, IReadOnlyList<string> InputTypes)
{
    /// <summary>Reads the metadata file the worker SDK wrote at build.</summary>
    public static IReadOnlyList<FunctionMetadata> ReadBuilt()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildOutput.FunctionsOutput, "functions.metadata")));
        return document.RootElement.EnumerateArray().Select(Read).ToList();
    }

    private static FunctionMetadata Read(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        return new FunctionMetadata(
            function.GetProperty("name").GetString()!,
            trigger.GetProperty("type").GetString()!,
            Text(trigger, "route"),
            trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
            Text(trigger, "schedule"),
            Text(trigger, "authLevel"),
            bindings.Where(b => b.GetProperty("direction").GetString() == "In").Select(b => b.GetProperty("type").GetString()!).ToList());
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) ? value.GetString() : null;
}
