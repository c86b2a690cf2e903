using System.Net;

namespace PaymentFunctions.App.Tests.Monitor;

/// <summary>The monitor's files as the app serves them: anonymous, from the assembly, locked to its own origin.</summary>
public sealed class MonitorEndpointsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient anonymous = app.CreateClient();

    [Fact]
    public async Task The_page_and_its_scripts_are_served_without_a_key_under_a_same_origin_policy()
    {
        var page = await this.anonymous.GetAsync("/monitor");
        var script = await this.anonymous.GetAsync("/monitor/monitor.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"admin-key\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http://", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/monitor/nothing.js")]
    [InlineData("/monitor/..%2FProgram.cs")]
    public async Task An_unknown_file_is_404(string path)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await this.anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_apis_behind_the_page_still_need_the_admin_key()
    {
        using var function = app.CreateKeyedClient(AppFactory.FunctionKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await this.anonymous.GetAsync($"{ApiClient.Prefix}/instances")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await function.GetAsync($"{ApiClient.Prefix}/instances")).StatusCode);
    }
}
