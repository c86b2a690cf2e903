using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Security;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.Functions.Tests.Metadata;

namespace PaymentFunctions.Functions.Tests.Hosting;

/// <summary>
/// Both hosts expose the same app: the orchestrators and activities the self-hosted worker registers, its
/// <c>/api</c> routes with their methods and key levels, and its timers with their schedules, against the
/// functions in the build's <c>functions.metadata</c>, both configured from the same settings.
/// </summary>
public sealed class HostParityTests(SelfHostedApp app) : IClassFixture<SelfHostedApp>
{
    private static readonly IReadOnlyList<FunctionMetadata> Functions = FunctionMetadata.ReadBuilt();

    [Fact]
    public void Same_orchestrators()
    {
        var registry = app.Services.GetRequiredService<DurableTaskRegistry>();

        Assert.Equal(Names("orchestrationTrigger"), registry.GetOrchestrators().Select(o => o.Key.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Same_activities()
    {
        var registry = app.Services.GetRequiredService<DurableTaskRegistry>();

        Assert.Equal(Names("activityTrigger"), registry.GetActivities().Select(a => a.Key.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Same_HTTP_routes_methods_and_key_levels()
    {
        // A group's "" route ends in '/', which routing ignores (/api/payments/ is /api/payments).
        var selfHosted = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(method =>
                $"{method} {e.RoutePattern.RawText!.TrimEnd('/')} {e.Metadata.GetMetadata<FunctionKeyMetadata>()?.Level.ToString() ?? "Anonymous"}"))
            .Order(StringComparer.Ordinal);

        var functions = Functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(method => $"{method.ToUpperInvariant()} /api/{f.Route} {f.AuthLevel}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(functions, selfHosted);
    }

    [Fact]
    public void Same_timers_on_the_same_schedules()
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        var selfHosted = app.Services.GetServices<TimerTriggerDefinition>()
            .Select(t => $"{t.Name} {FunctionsHost.ResolveSettingReference(configuration, t.Schedule)}")
            .Order(StringComparer.Ordinal);

        var settings = BuildOutput.SampleSettings();
        var functions = Functions.Where(f => f.TriggerType == "timerTrigger")
            .Select(f => $"{f.Name} {settings[f.Schedule!.Trim('%')]}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(functions, selfHosted);
    }

    private static IEnumerable<string> Names(string trigger) =>
        Functions.Where(f => f.TriggerType == trigger).Select(f => f.Name).Order(StringComparer.Ordinal);
}
