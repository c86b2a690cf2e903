using System.Text.Json;

namespace PaymentFunctions.App.Hosting;

/// <summary>
/// Reads the two Functions files into configuration: <c>host.json</c> under <see cref="FunctionsHost.HostSection"/>
/// (so <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides it, as in Functions) and the
/// <c>Values</c> and <c>ConnectionStrings</c> of <c>local.settings.json</c> at the root. Missing files are fine.
/// </summary>
internal sealed class FunctionsSettingsSource(string? scriptRoot) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(scriptRoot);

    private sealed class Provider(string? scriptRoot) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (scriptRoot is not null)
            {
                if (Read(Path.Combine(scriptRoot, FunctionsHost.HostJsonFileName)) is { } host)
                {
                    using (host)
                    {
                        JsonSettingsFlattener.Flatten(host.RootElement, FunctionsHost.HostSection, data);

                        // host.json's log levels drive the loggers, as in Functions.
                        if (host.RootElement.TryGetProperty("logging", out var logging) && logging.TryGetProperty("logLevel", out var levels))
                        {
                            JsonSettingsFlattener.Flatten(levels, "Logging:LogLevel", data);
                        }
                    }
                }

                if (Read(Path.Combine(scriptRoot, FunctionsHost.LocalSettingsFileName)) is { } local)
                {
                    using (local)
                    {
                        if (local.RootElement.TryGetProperty("Values", out var values))
                        {
                            JsonSettingsFlattener.Flatten(values, "", data);
                        }

                        if (local.RootElement.TryGetProperty("ConnectionStrings", out var connectionStrings))
                        {
                            JsonSettingsFlattener.Flatten(connectionStrings, "ConnectionStrings", data);
                        }
                    }
                }
            }

            this.Data = data;
        }

        private static JsonDocument? Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException($"'{path}' is not valid JSON: {ex.Message}", ex);
            }
        }
    }
}
