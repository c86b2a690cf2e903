using System.Reflection;
using System.Text.Json;

namespace PaymentFunctions.Functions.Tests;

/// <summary>Where the build put things: the repository, the Functions app's output and the Bicep CLI.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The Functions app's build output, where the worker SDK writes <c>functions.metadata</c>.</summary>
    public static string FunctionsOutput { get; } = Path.Combine(RepositoryRoot, "src", "Functions", "bin", Metadata("Configuration"), "net10.0");

    public static string BicepCli { get; } = Metadata("BicepCli");

    public static string SampleSettingsPath { get; } = Path.Combine(RepositoryRoot, "src", "Functions", "local.settings.sample.json");

    /// <summary>The <c>Values</c> of <c>local.settings.sample.json</c>.</summary>
    public static IReadOnlyDictionary<string, string> SampleSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SampleSettingsPath));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    private static string Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
}
