using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Rules;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.Functions.Tests.Http;

namespace PaymentFunctions.Functions.Tests.Rules;

/// <summary>Every rule function without payments configured: the self-hosted app's 503 problem, and nothing started.</summary>
public sealed class RuleApiFunctionsTests(FunctionsTaskHub hub) : IClassFixture<FunctionsTaskHub>
{
    private const string Id = "rule_00000000000000000000000000000000";
    private const string Execution = "exec_00000000000000000000000000000000";

    public static TheoryData<string, string, string> Functions => new()
    {
        { "CreateRule", "POST", "/api/rules" },
        { "ListRules", "GET", "/api/rules" },
        { "GetRule", "GET", $"/api/rules/{Id}" },
        { "UpdateRule", "PUT", $"/api/rules/{Id}" },
        { "DeleteRule", "DELETE", $"/api/rules/{Id}" },
        { "PauseRule", "POST", $"/api/rules/{Id}/pause" },
        { "ResumeRule", "POST", $"/api/rules/{Id}/resume" },
        { "SimulateRule", "POST", $"/api/rules/{Id}/simulate" },
        { "ExecuteRule", "POST", $"/api/rules/{Id}/execute" },
        { "GetRuleHistory", "GET", $"/api/rules/{Id}/history" },
        { "GetRuleExecution", "GET", $"/api/rule-executions/{Execution}" },
        { "ApproveRuleExecution", "POST", $"/api/rule-executions/{Execution}/approve" },
        { "RejectRuleExecution", "POST", $"/api/rule-executions/{Execution}/reject" },
        { "ListRuleAuditLog", "GET", "/api/audit/rules" },
        { "VerifyRuleAuditLog", "GET", "/api/audit/rules/verify" },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Without_payments_each_rule_function_answers_503_problem_details(string function, string method, string path)
    {
        var request = FunctionHttp.Request(hub.FunctionServices, method, path, "{}");

        var response = await FunctionHttp.SendAsync(request, Invoke(function, request, hub.Client));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("application/problem+json", response.Headers.ContentType.ToString());
        Assert.Null(await hub.Client.GetInstanceAsync("rule-" + Id));
        Assert.Null(await hub.Client.GetInstanceAsync(Execution));
    }

    private static Task<IActionResult> Invoke(string function, HttpRequest request, DurableTaskClient client) => function switch
    {
        "CreateRule" => RuleApiFunctions.CreateAsync(request, client),
        "ListRules" => RuleApiFunctions.ListAsync(request, client),
        "GetRule" => RuleApiFunctions.GetAsync(request, client, Id),
        "UpdateRule" => RuleApiFunctions.UpdateAsync(request, client, Id),
        "DeleteRule" => RuleApiFunctions.DeleteAsync(request, client, Id),
        "PauseRule" => RuleApiFunctions.PauseAsync(request, client, Id),
        "ResumeRule" => RuleApiFunctions.ResumeAsync(request, client, Id),
        "SimulateRule" => RuleApiFunctions.SimulateAsync(request, client, Id),
        "ExecuteRule" => RuleApiFunctions.ExecuteAsync(request, client, Id),
        "GetRuleHistory" => RuleApiFunctions.HistoryAsync(request, client, Id),
        "GetRuleExecution" => RuleApiFunctions.GetExecutionAsync(request, client, Execution),
        "ApproveRuleExecution" => RuleApiFunctions.ApproveAsync(request, client, Execution),
        "RejectRuleExecution" => RuleApiFunctions.RejectAsync(request, client, Execution),
        "ListRuleAuditLog" => RuleApiFunctions.AuditLogAsync(request, client),
        "VerifyRuleAuditLog" => RuleApiFunctions.VerifyAsync(request, client),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
    };
}
