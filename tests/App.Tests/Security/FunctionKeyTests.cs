using System.Net;
using PaymentFunctions.App.Samples;

namespace PaymentFunctions.App.Tests.Security;

public sealed class FunctionKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Prefix = ApiClient.Prefix;

    public static TheoryData<string, string> ManagementRoutes => new()
    {
        { "POST", $"{Prefix}/orchestrators/HelloSequence/{{id}}" },
        { "GET", $"{Prefix}/instances" },
        { "DELETE", $"{Prefix}/instances?createdTimeFrom=2000-01-01T00:00:00Z" },
        { "GET", $"{Prefix}/instances/{{id}}" },
        { "DELETE", $"{Prefix}/instances/{{id}}" },
        { "POST", $"{Prefix}/instances/{{id}}/raiseEvent/Approval" },
        { "POST", $"{Prefix}/instances/{{id}}/terminate" },
        { "POST", $"{Prefix}/instances/{{id}}/suspend" },
        { "POST", $"{Prefix}/instances/{{id}}/resume" },
        { "POST", $"{Prefix}/instances/{{id}}/rewind" },
        { "POST", $"{Prefix}/instances/{{id}}/restart" },
        { "GET", "/admin/timers" },
        { "POST", "/admin/functions/PurgeHistory" },
    };

    [Theory]
    [MemberData(nameof(ManagementRoutes))]
    public async Task Management_and_admin_routes_answer_401_without_a_key_with_a_wrong_key_and_with_the_function_key(string method, string route)
    {
        var id = await this.StartWaitingInstanceAsync();
        var uri = route.Replace("{id}", id, StringComparison.Ordinal);

        foreach (var key in new string?[] { null, "wrong-key", AppFactory.FunctionKey })
        {
            using var client = app.CreateKeyedClient(key);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri) { Content = ApiClient.Json("{}") });

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // Nothing happened: the instance still waits.
        Assert.Equal("Running", (await app.CreateAdminClient().WaitForStatusAsync(id, "Running")).GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task The_admin_key_opens_management_in_the_header_or_the_code_parameter_and_the_durable_task_key_too()
    {
        var id = await this.StartWaitingInstanceAsync();
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.GetAsync($"{Prefix}/instances/{id}?code={AppFactory.AdminKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await anonymous.GetAsync($"{Prefix}/instances/{id}?code={AppFactory.DurableTaskKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await app.CreateAdminClient().GetAsync($"{Prefix}/instances/{id}")).StatusCode);
    }

    [Fact]
    public async Task Starters_need_the_function_or_admin_key_and_start_nothing_without_one()
    {
        var rejectedId = $"nokey-{Guid.NewGuid():N}";
        using var anonymous = app.CreateClient();
        using var durableKeyOnly = app.CreateKeyedClient(AppFactory.DurableTaskKey);

        var noKey = await anonymous.PostAsync($"/api/orchestrators/HelloSequence/{rejectedId}", ApiClient.Json("\"x\""));
        var wrongLevel = await durableKeyOnly.PostAsync($"/api/orchestrators/HelloSequence/{rejectedId}", ApiClient.Json("\"x\""));
        var withAdmin = await app.CreateAdminClient().PostAsync($"/api/orchestrators/HelloSequence/admin-{Guid.NewGuid():N}", ApiClient.Json("\"x\""));
        var withCode = await anonymous.PostAsync($"/api/orchestrators/HelloSequence/code-{Guid.NewGuid():N}?code={AppFactory.FunctionKey}", ApiClient.Json("\"x\""));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongLevel.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await app.CreateAdminClient().StatusCodeOfAsync(rejectedId));
    }

    [Fact]
    public async Task A_bad_body_without_a_key_is_401_not_400()
    {
        using var anonymous = app.CreateClient();

        var response = await anonymous.PostAsync("/api/hello", ApiClient.Json("not json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Key_options_never_show_keys()
    {
        var options = new PaymentFunctions.App.Security.FunctionKeyOptions { Admin = "secret-admin", Function = "secret-fn" };

        Assert.DoesNotContain("secret", options.ToString());
    }

    private async Task<string> StartWaitingInstanceAsync()
    {
        var id = $"keyed-{Guid.NewGuid():N}";
        var admin = app.CreateAdminClient();
        Assert.Equal(HttpStatusCode.Accepted, (await admin.StartAsync(SampleOrchestrations.AwaitApproval, id)).StatusCode);
        await admin.WaitForStatusAsync(id, "Running");
        return id;
    }
}
