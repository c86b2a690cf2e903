using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.App.Tests.Payments;

namespace PaymentFunctions.App.Tests.Rules;

/// <summary>The rule API's edges: the OpenAPI document lists every rule route, and bodies and keys are checked first.</summary>
[Collection(RulesCollection.Name)]
public sealed class RuleApiDocumentTests(RulesAppFixture app)
{
    [Fact]
    public async Task The_openapi_document_lists_every_rule_route_and_method()
    {
        var mapped = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/rules", StringComparison.Ordinal) || raw.StartsWith("/api/rule-executions", StringComparison.Ordinal) || raw.StartsWith("/api/audit/rules", StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: e.RoutePattern.RawText!.TrimEnd('/'), Method: m.ToLowerInvariant())))
            .ToList();
        var document = await (await app.App.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");

        Assert.Equal(15, mapped.Count);
        foreach (var (path, method) in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task Oversize_bodies_are_413_and_a_missing_or_unknown_approver_key_is_refused()
    {
        var huge = new string(' ', 70 * 1024) + "{}";

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await app.As(PaymentsAppFixture.AliceKey).PostAsync("/api/rules", ApiClient.Json(huge))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostAsync("/api/rules", ApiClient.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.As("nobody's key").PostAsync("/api/rules", ApiClient.Json("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/rules/rule_doesnotexist")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/api/rule-executions/not-an-id!")).StatusCode);
    }
}
