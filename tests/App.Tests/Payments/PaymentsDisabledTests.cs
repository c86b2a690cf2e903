using System.Net;
using System.Net.Http.Json;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>A host without <c>Chain:RpcUrl</c> starts as before and says so on every payment and payment-rule route.</summary>
public sealed class PaymentsDisabledTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("GET", "/api/payments")]
    [InlineData("GET", "/api/payments/pay_00000000000000000000000000")]
    [InlineData("POST", "/api/payments")]
    [InlineData("POST", "/api/payments/pay_00000000000000000000000000/approve")]
    [InlineData("GET", "/api/automation/status")]
    [InlineData("POST", "/api/automation/trigger")]
    [InlineData("POST", "/api/webhooks/juno")]
    [InlineData("POST", "/api/rules")]
    [InlineData("GET", "/api/rules/rule_00000000000000000000000000000000")]
    [InlineData("POST", "/api/rules/rule_00000000000000000000000000000000/execute")]
    [InlineData("POST", "/api/rule-executions/exec_00000000000000000000000000000000/approve")]
    [InlineData("GET", "/api/audit/rules/verify")]
    public async Task Payment_routes_answer_503_problem_details(string method, string path)
    {
        var response = await app.CreateKeyedClient(AppFactory.FunctionKey).SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task No_payment_timer_is_declared()
    {
        var timers = await (await app.CreateAdminClient().GetAsync("/admin/timers")).ReadJsonAsync();

        var names = timers.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("PurgeHistory", names);
        Assert.DoesNotContain(names, n => n is "PaymentDeposits" or "PaymentCustody" or "PaymentSync" or "PaymentStuck");
    }
}
