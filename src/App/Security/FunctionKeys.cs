using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PaymentFunctions.App.Security;

/// <summary>
/// Keys as in Azure Functions: each endpoint declares a level; callers send the key in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter; a missing or wrong key gets 401 before any
/// binding or handler runs, so nothing happens.
/// </summary>
public static partial class FunctionKeys
{
    /// <summary>The request header carrying a key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter carrying a key.</summary>
    public const string QueryName = "code";

    /// <summary>Binds the keys from the <c>Keys</c> settings.</summary>
    public static IServiceCollection AddFunctionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<FunctionKeyOptions>(configuration.GetSection(FunctionKeyOptions.SectionName));
        return services;
    }

    /// <summary>Checks keys on endpoints that carry <see cref="FunctionKeyMetadata"/>; others stay anonymous.</summary>
    public static IApplicationBuilder UseFunctionKeys(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<FunctionKeyOptions>>().Value;
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionKeys));
        if (options.IsEmpty)
        {
            LogNoKeys(logger);
        }
        else if (string.IsNullOrEmpty(options.Admin))
        {
            LogNoAdminKey(logger);
        }

        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var required = context.GetEndpoint()?.Metadata.GetMetadata<FunctionKeyMetadata>();
            if (required is null || required.Level == AuthorizationLevel.Anonymous || IsAuthorized(context, required, options))
            {
                await next(context);
                return;
            }

            LogRejected(logger, context.Request.Method, context.Request.Path);
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "A valid key is required.",
                detail: $"Send a {(required.Level == AuthorizationLevel.Admin ? "admin" : "function or admin")} key in the '{HeaderName}' header or the '{QueryName}' query parameter.")
                .ExecuteAsync(context);
        });
        return app;
    }

    /// <summary>Requires the function key (or the admin key).</summary>
    public static TBuilder RequireFunctionKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new FunctionKeyMetadata(AuthorizationLevel.Function));

    /// <summary>Requires the admin key.</summary>
    public static TBuilder RequireAdminKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new FunctionKeyMetadata(AuthorizationLevel.Admin));

    internal static bool IsAuthorized(HttpContext context, FunctionKeyMetadata required, FunctionKeyOptions options)
    {
        if (options.IsEmpty && IsLoopback(context))
        {
            // No keys configured: local development, as Core Tools, but only for callers on this machine.
            return true;
        }

        var presented = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return Matches(presented, options.Admin)
            || (required.Level == AuthorizationLevel.Function && Matches(presented, options.Function))
            || (required.AcceptsDurableTaskKey && Matches(presented, options.DurableTask));
    }

    private static bool IsLoopback(HttpContext context)
        => context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    private static bool Matches(string presented, string? expected)
        => !string.IsNullOrEmpty(expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(Level = LogLevel.Warning, Message = "No keys are configured (Keys:Function, Keys:Admin): keyed endpoints are open to callers on this machine only")]
    private static partial void LogNoKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin key is configured (Keys:Admin): the management API is closed")]
    private static partial void LogNoAdminKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {Method} {Path}: missing or wrong key")]
    private static partial void LogRejected(ILogger logger, string method, PathString path);
}
