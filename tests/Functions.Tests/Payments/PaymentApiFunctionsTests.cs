using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Payments;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.Functions.Tests.Http;

namespace PaymentFunctions.Functions.Tests.Payments;

/// <summary>
/// Every payment function without payments configured: the self-hosted app's 503 problem, from the same check, and
/// nothing started on the task hub.
/// </summary>
public sealed class PaymentApiFunctionsTests(FunctionsTaskHub hub) : IClassFixture<FunctionsTaskHub>
{
    private const string Id = "pay_00000000000000000000000000";

    public static TheoryData<string, string, string> Functions => new()
    {
        { "CreatePayment", "POST", "/api/payments" },
        { "ListPayments", "GET", "/api/payments" },
        { "GetPayment", "GET", $"/api/payments/{Id}" },
        { "GetPaymentLedger", "GET", $"/api/payments/{Id}/ledger" },
        { "ApprovePayment", "POST", $"/api/payments/{Id}/approve" },
        { "DisputePayment", "POST", $"/api/payments/{Id}/dispute" },
        { "ReleasePayment", "POST", $"/api/payments/{Id}/release" },
        { "CancelPayment", "POST", $"/api/payments/{Id}/cancel" },
        { "ResumePayment", "POST", $"/api/payments/{Id}/resume" },
        { "ResolvePayment", "POST", $"/api/payments/{Id}/resolve" },
        { "PaymentAutomationStatus", "GET", "/api/automation/status" },
        { "TriggerPaymentProcess", "POST", "/api/automation/trigger" },
        { "JunoWebhook", "POST", "/api/webhooks/juno" },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Without_payments_each_function_answers_503_problem_details(string function, string method, string path)
    {
        var request = FunctionHttp.Request(hub.FunctionServices, method, path, "{}");

        var response = await FunctionHttp.SendAsync(request, Invoke(function, request, hub.Client));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("application/problem+json", response.Headers.ContentType.ToString());
        Assert.Null(await hub.Client.GetInstanceAsync("payment-" + Id));
    }

    private static Task<IActionResult> Invoke(string function, HttpRequest request, DurableTaskClient client) => function switch
    {
        "CreatePayment" => PaymentApiFunctions.CreateAsync(request, client),
        "ListPayments" => PaymentApiFunctions.ListAsync(request, client),
        "GetPayment" => PaymentApiFunctions.GetAsync(request, client, Id),
        "GetPaymentLedger" => PaymentApiFunctions.GetLedgerAsync(request, Id),
        "ApprovePayment" => PaymentApiFunctions.ApproveAsync(request, client, Id),
        "DisputePayment" => PaymentApiFunctions.DisputeAsync(request, client, Id),
        "ReleasePayment" => PaymentApiFunctions.ReleaseAsync(request, client, Id),
        "CancelPayment" => PaymentApiFunctions.CancelAsync(request, client, Id),
        "ResumePayment" => PaymentApiFunctions.ResumeAsync(request, client, Id),
        "ResolvePayment" => PaymentApiFunctions.ResolveAsync(request, client, Id),
        "PaymentAutomationStatus" => PaymentApiFunctions.AutomationStatusAsync(request),
        "TriggerPaymentProcess" => PaymentApiFunctions.TriggerAsync(request, client),
        "JunoWebhook" => PaymentApiFunctions.JunoWebhookAsync(request, client),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
