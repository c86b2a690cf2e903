using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.App.Payments.Automation;
using PaymentFunctions.App.Payments.Ledger;
using PaymentFunctions.Functions.Http;

namespace PaymentFunctions.Functions.Payments;

/// <summary>
/// The payment API, the automation endpoints and the Juno webhook as HTTP functions: the self-hosted app's routes
/// and methods under the <c>api</c> prefix, at function-key level, each calling the same handler. A host without
/// payments answers 503, as the self-hosted app does.
/// </summary>
public static class PaymentApiFunctions
{
    /// <summary><c>POST /api/payments</c>.</summary>
    [Function("CreatePayment")]
    public static Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, context => PaymentsHostExtensions.Api(context).CreateAsync(context));

    /// <summary><c>GET /api/payments</c>.</summary>
    [Function("ListPayments")]
    public static Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "payments")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, context => PaymentsHostExtensions.Api(context).ListAsync(context));

    /// <summary><c>GET /api/payments/{id}</c>.</summary>
    [Function("GetPayment")]
    public static Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "payments/{id}")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, context => PaymentsHostExtensions.Api(context).GetAsync(context, id));

    /// <summary><c>GET /api/payments/{id}/ledger</c>: reads the payment store only.</summary>
    [Function("GetPaymentLedger")]
    public static Task<IActionResult> GetLedgerAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "payments/{id}/ledger")] HttpRequest req, string id) =>
        RunAsync(req, null, context => LedgerEndpoint.GetAsync(context, id));

    /// <summary><c>POST /api/payments/{id}/approve</c>.</summary>
    [Function("ApprovePayment")]
    public static Task<IActionResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/approve")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        RunAsync(req, client, context => PaymentsHostExtensions.Api(context).ApproveAsync(context, id));

    /// <summary><c>POST /api/payments/{id}/dispute</c>.</summary>
    [Function("DisputePayment")]
    public static Task<IActionResult> DisputeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/dispute")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        ActAsync(req, client, id, PaymentAction.Dispute);

    /// <summary><c>POST /api/payments/{id}/release</c>.</summary>
    [Function("ReleasePayment")]
    public static Task<IActionResult> ReleaseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/release")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        ActAsync(req, client, id, PaymentAction.Release);

    /// <summary><c>POST /api/payments/{id}/cancel</c>.</summary>
    [Function("CancelPayment")]
    public static Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/cancel")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        ActAsync(req, client, id, PaymentAction.Cancel);

    /// <summary><c>POST /api/payments/{id}/resume</c>.</summary>
    [Function("ResumePayment")]
    public static Task<IActionResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/resume")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        ActAsync(req, client, id, PaymentAction.Resume);

    /// <summary><c>POST /api/payments/{id}/resolve</c>.</summary>
    [Function("ResolvePayment")]
    public static Task<IActionResult> ResolveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "payments/{id}/resolve")] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        ActAsync(req, client, id, PaymentAction.Resolve);

    /// <summary><c>GET /api/automation/status</c>.</summary>
    [Function("PaymentAutomationStatus")]
    public static Task<IActionResult> AutomationStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "automation/status")] HttpRequest req) =>
        RunAsync(req, null, AutomationEndpoints.StatusAsync);

    /// <summary><c>POST /api/automation/trigger</c>.</summary>
    [Function("TriggerPaymentProcess")]
    public static Task<IActionResult> TriggerAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "automation/trigger")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, AutomationEndpoints.TriggerAsync);

    /// <summary><c>POST /api/webhooks/juno</c>.</summary>
    [Function("JunoWebhook")]
    public static Task<IActionResult> JunoWebhookAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "webhooks/juno")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        RunAsync(req, client, AutomationEndpoints.JunoWebhookAsync);

    private static Task<IActionResult> ActAsync(HttpRequest req, DurableTaskClient client, string id, PaymentAction action) =>
        RunAsync(req, client, context => PaymentsHostExtensions.Api(context).ActAsync(context, id, action));

    // The self-hosted app's group filter: without payments, 503 before any handler runs.
    private static Task<IActionResult> RunAsync(HttpRequest req, DurableTaskClient? client, Func<HttpContext, Task<IResult>> handler) =>
        SharedHandlers.RunAsync(req, client, context => PaymentsHostExtensions.IsEnabled(context) ? handler(context) : Task.FromResult(PaymentProblems.Disabled()));
}
