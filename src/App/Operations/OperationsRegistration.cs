using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PaymentFunctions.App.Operations;

/// <summary>Health endpoints, the OpenAPI document, telemetry export and log shape.</summary>
public static class OperationsRegistration
{
    /// <summary>The standard OpenTelemetry variable; export is on only when it is set.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string ReadyTag = "ready";

    /// <summary>Adds health checks, OpenAPI, JSON-structured console logs with scopes, and OTLP export when configured.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        services.AddOpenApi();
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);

        // Request-start lines carry the full URL, and keys travel as '?code=': keep them out of the logs whatever
        // the configured levels (a code rule registered last wins over configuration for the same category).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        if (builder.Configuration[OtlpEndpointVariable] is { Length: > 0 } endpoint)
        {
            var protocol = builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // No hosting package restores here, so the SDK is created directly and the container disposes it
            // (flushing what is buffered) at shutdown. The endpoint may come from local.settings.json too.
            services.AddSingleton(_ => OpenTelemetrySdk.Create(otel => otel
                .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
                .WithTracing(t => t.AddSource(PaymentFunctionsTelemetry.Name))
                .WithMetrics(m => m.AddMeter(PaymentFunctionsTelemetry.Name))
                .UseOtlpExporter(protocol, new Uri(endpoint))));
            services.AddHostedService<TelemetryActivator>();
        }

        return builder;
    }

    /// <summary>Maps <c>/healthz</c> (the process runs), <c>/readyz</c> (the database answers) and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).ExcludeFromDescription();
        app.MapOpenApi();
        return app;
    }
}
