using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PaymentFunctions.App.Hosting;

/// <summary>
/// Makes an ASP.NET Core app read its settings the way the Azure Functions host does, so a Functions user finds
/// <c>host.json</c>, <c>local.settings.json</c> and port 7071 where they expect them.
/// </summary>
public static class FunctionsHost
{
    /// <summary>The configuration section holding <c>host.json</c>, as named by the Functions host.</summary>
    public const string HostSection = "AzureFunctionsJobHost";

    /// <summary>The setting naming the folder with <c>host.json</c>; the Functions host's own name for it.</summary>
    public const string ScriptRootSetting = "AzureWebJobsScriptRoot";

    /// <summary>Where the host listens when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    internal const string HostJsonFileName = "host.json";
    internal const string LocalSettingsFileName = "local.settings.json";

    /// <summary>
    /// Adds <c>host.json</c> and <c>local.settings.json</c> beneath every other source (environment variables,
    /// command line and test settings override them), and the default address. A request the server refuses while
    /// it is read (a body over Kestrel's limit, a malformed request) answers with the server's 4xx as problem details
    /// instead of the exception handler's 500: no client input is a server error.
    /// </summary>
    public static WebApplicationBuilder AddFunctionsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var scriptRoot = FindScriptRoot(builder.Configuration[ScriptRootSetting], builder.Environment.ContentRootPath);
        builder.Configuration.Sources.Insert(0, new FunctionsSettingsSource(scriptRoot));
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError);
        return builder;
    }

    /// <summary>
    /// The configured folder, or the nearest folder at or above <paramref name="start"/> holding <c>host.json</c>,
    /// so <c>dotnet run --project src/App</c> finds the repository's files from anywhere inside it.
    /// </summary>
    internal static string? FindScriptRoot(string? configured, string start)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, HostJsonFileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Resolves a Functions-style <c>%SettingName%</c> reference; other values are returned as they are.</summary>
    internal static string ResolveSettingReference(IConfiguration configuration, string value)
    {
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            var name = value[1..^1];
            return configuration[name] is { Length: > 0 } resolved
                ? resolved
                : throw new InvalidOperationException($"The setting '{name}' referenced as '{value}' is not set.");
        }

        return value;
    }
}
