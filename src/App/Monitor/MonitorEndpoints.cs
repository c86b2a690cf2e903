using Microsoft.AspNetCore.StaticFiles;

namespace PaymentFunctions.App.Monitor;

/// <summary>
/// Serves the monitor page at <c>/monitor</c>: static HTML, CSS and JavaScript embedded in the assembly. The page
/// itself is anonymous (it is only a login form until the operator gives the admin key); everything it shows comes
/// from the management and payments APIs, which check the key on every call.
/// </summary>
public static class MonitorEndpoints
{
    /// <summary>Where the page lives.</summary>
    public const string Path = "/monitor";

    private const string ResourcePrefix = "monitor/";

    // Only the page's own files, scripts and styles: no inline script, no remote origin, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Maps <c>/monitor</c> (the page) and <c>/monitor/{file}</c> (its scripts and styles).</summary>
    public static IEndpointRouteBuilder MapMonitor(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var monitor = endpoints.MapGroup(Path).WithTags("Monitor").ExcludeFromDescription();
        monitor.MapGet("", (HttpContext context) => Serve(context, "index.html"));
        monitor.MapGet("/{file}", (HttpContext context, string file) => Serve(context, file));
        return endpoints;
    }

    private static IResult Serve(HttpContext context, string file)
    {
        var stream = typeof(MonitorEndpoints).Assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null || !ContentTypes.TryGetContentType(file, out var contentType))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return Results.Stream(stream, contentType);
    }
}
