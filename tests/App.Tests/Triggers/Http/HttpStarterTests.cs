using System.Net;
using PaymentFunctions.App.Samples;

namespace PaymentFunctions.App.Tests.Triggers.Http;

public sealed class HttpStarterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient functionClient = app.CreateKeyedClient(AppFactory.FunctionKey);

    [Fact]
    public async Task Starter_answers_202_and_statusQueryGetUri_leads_to_the_completed_output()
    {
        var response = await this.functionClient.PostAsync("/api/orchestrators/HelloSequence", ApiClient.Json("\"Eve\""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payload = await response.ReadJsonAsync();
        var statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(new Uri(statusUri), response.Headers.Location);

        // Follow the URI exactly as given: it carries the durable-task key, so no other key is needed.
        using var anonymous = app.CreateClient();
        var done = await anonymous.WaitForStatusAtAsync(statusUri, "Completed");
        Assert.Equal(["Hello, Eve from Tokyo!", "Hello, Eve from Seattle!", "Hello, Eve from London!"], done.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task SendEventPostUri_delivers_the_event_that_completes_the_instance()
    {
        var id = $"approval-{Guid.NewGuid():N}";
        var payload = await (await this.functionClient.PostAsync($"/api/orchestrators/{SampleOrchestrations.AwaitApproval}/{id}", null)).ReadJsonAsync();
        using var anonymous = app.CreateClient();
        await anonymous.WaitForStatusAtAsync(payload.GetProperty("statusQueryGetUri").GetString()!, "Running");

        var sendEvent = payload.GetProperty("sendEventPostUri").GetString()!.Replace("{eventName}", SampleOrchestrations.ApprovalEvent, StringComparison.Ordinal);
        var raised = await anonymous.PostAsync(sendEvent, ApiClient.Json("""{"approvedBy":"lead"}"""));

        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var done = await anonymous.WaitForStatusAtAsync(payload.GetProperty("statusQueryGetUri").GetString()!, "Completed");
        Assert.Equal(id, done.GetProperty("instanceId").GetString());
        Assert.Equal("lead", done.GetProperty("output").GetProperty("approvedBy").GetString());
    }

    [Fact]
    public async Task Typed_starter_validates_the_body_and_uses_the_route_instance_id()
    {
        var id = $"hello-{Guid.NewGuid():N}";

        var response = await this.functionClient.PostAsync($"/api/hello/{id}", ApiClient.Json("""{"name":"Flo","cities":["Lima","Oslo"]}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(id, (await response.ReadJsonAsync()).GetProperty("id").GetString());
        var done = await app.CreateAdminClient().WaitForStatusAsync(id, "Completed");
        Assert.Equal(["Hello, Flo from Lima!", "Hello, Flo from Oslo!"], done.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("""{"name":"","cities":["Lima"]}""", "name")]
    [InlineData("""{"name":"Gus","cities":[]}""", "cities")]
    [InlineData("""{"name":5,"cities":["Lima"]}""", "name")]
    [InlineData("""{"name":"Gus","cities":"Lima"}""", "cities")]
    [InlineData("not json", "body")]
    [InlineData("", "body")]
    public async Task Typed_starter_rejects_bad_input_with_a_problem_naming_the_field_and_starts_nothing(string body, string field)
    {
        var id = $"bad-{Guid.NewGuid():N}";

        var response = await this.functionClient.PostAsync($"/api/hello/{id}", ApiClient.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, await app.CreateAdminClient().StatusCodeOfAsync(id));
    }

    [Fact]
    public async Task Starting_a_running_instance_id_again_is_409()
    {
        var id = $"twice-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Accepted, (await this.functionClient.PostAsync($"/api/orchestrators/{SampleOrchestrations.AwaitApproval}/{id}", null)).StatusCode);

        var again = await this.functionClient.PostAsync($"/api/orchestrators/{SampleOrchestrations.AwaitApproval}/{id}", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
