using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.App.Rules;
using PaymentFunctions.Functions.Http;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Functions.Rules;

/// <summary>The payment rule API as HTTP functions: the self-hosted app's routes and methods, each calling the same handler.</summary>
public static class RuleApiFunctions
{
    /// <summary><c>POST /api/rules</c>.</summary>
    [Function("CreateRule")]
    public static Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).CreateAsync(c));

    /// <summary><c>GET /api/rules</c>.</summary>
    [Function("ListRules")]
    public static Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).ListAsync(c));

    /// <summary><c>GET /api/rules/{id}</c>.</summary>
    [Function("GetRule")]
    public static Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).GetAsync(c, id));

    /// <summary><c>PUT /api/rules/{id}</c>.</summary>
    [Function("UpdateRule")]
    public static Task<IActionResult> UpdateAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "rules/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).UpdateAsync(c, id));

    /// <summary><c>DELETE /api/rules/{id}</c>.</summary>
    [Function("DeleteRule")]
    public static Task<IActionResult> DeleteAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "rules/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).SetStatusAsync(c, id, RuleStatus.Deleted));

    /// <summary><c>POST /api/rules/{id}/pause</c>.</summary>
    [Function("PauseRule")]
    public static Task<IActionResult> PauseAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/{id}/pause")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).SetStatusAsync(c, id, RuleStatus.Paused));

    /// <summary><c>POST /api/rules/{id}/resume</c>.</summary>
    [Function("ResumeRule")]
    public static Task<IActionResult> ResumeAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/{id}/resume")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).SetStatusAsync(c, id, RuleStatus.Active));

    /// <summary><c>POST /api/rules/{id}/simulate</c>.</summary>
    [Function("SimulateRule")]
    public static Task<IActionResult> SimulateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/{id}/simulate")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).SimulateAsync(c, id));

    /// <summary><c>POST /api/rules/{id}/execute</c>.</summary>
    [Function("ExecuteRule")]
    public static Task<IActionResult> ExecuteAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rules/{id}/execute")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).ExecuteAsync(c, id));

    /// <summary><c>GET /api/rules/{id}/history</c>.</summary>
    [Function("GetRuleHistory")]
    public static Task<IActionResult> HistoryAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rules/{id}/history")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).HistoryAsync(c, id));

    /// <summary><c>GET /api/rule-executions/{id}</c>.</summary>
    [Function("GetRuleExecution")]
    public static Task<IActionResult> GetExecutionAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "rule-executions/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).GetExecutionAsync(c, id));

    /// <summary><c>POST /api/rule-executions/{id}/approve</c>.</summary>
    [Function("ApproveRuleExecution")]
    public static Task<IActionResult> ApproveAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rule-executions/{id}/approve")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).DecideAsync(c, id, approve: true));

    /// <summary><c>POST /api/rule-executions/{id}/reject</c>.</summary>
    [Function("RejectRuleExecution")]
    public static Task<IActionResult> RejectAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "rule-executions/{id}/reject")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).DecideAsync(c, id, approve: false));

    /// <summary><c>GET /api/audit/rules</c>.</summary>
    [Function("ListRuleAuditLog")]
    public static Task<IActionResult> AuditLogAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/rules")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).AuditLogAsync(c));

    /// <summary><c>GET /api/audit/rules/verify</c>.</summary>
    [Function("VerifyRuleAuditLog")]
    public static Task<IActionResult> VerifyAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit/rules/verify")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, c => RulesHostExtensions.Api(c).VerifyAuditLogAsync(c));

    private static Task<IActionResult> RunAsync(HttpRequest req, DurableTaskClient client, Func<HttpContext, Task<IResult>> handler) =>
        SharedHandlers.RunAsync(req, client, c => PaymentsHostExtensions.IsEnabled(c) ? handler(c) : Task.FromResult(PaymentProblems.Disabled()));
}
