using System.Net;
using System.Text.Json;

namespace PaymentFunctions.App.Tests.Operations;

public sealed class OperationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_without_a_key()
    {
        using var client = app.CreateClient();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_management_routes()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/runtime/webhooks/durabletask/instances/{instanceId}", out _));
        Assert.True(paths.TryGetProperty("/runtime/webhooks/durabletask/instances/{instanceId}/raiseEvent/{eventName}", out _));
    }
}
