using Microsoft.Extensions.Options;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.Banking.Juno.Webhooks;

namespace PaymentFunctions.App.Payments.Automation;

/// <summary>Handlers of the automation status, the manual trigger and the Juno webhook.</summary>
internal static class AutomationEndpoints
{
    public const string WebhookSecretQuery = "secret";
    public const string WebhookSecretHeader = "x-juno-webhook-secret";
    private const int MinimumSecretLength = 16;

    /// <summary><c>GET /api/automation/status</c>: each process's schedule, last and next run, and last result.</summary>
    public static async Task<IResult> StatusAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var automation = services.GetRequiredService<PaymentAutomation>();
        // The Functions host runs its timers itself and has no timer runtime of ours: no schedules to show there.
        var timers = services.GetService<TimerTriggerHost>()?.Timers ?? [];
        var monitor = services.GetRequiredService<ITimerTriggerMonitor>();
        var result = new List<AutomationStatus>();
        foreach (var process in PaymentProcesses.All)
        {
            var timerName = PaymentProcesses.TimerName(process);
            var timer = timers.FirstOrDefault(t => t.Definition.Name == timerName);
            var recorded = await monitor.GetStatusAsync(timerName, context.RequestAborted);
            result.Add(new AutomationStatus(process, timerName, timer?.Expression, recorded?.Last, timer?.PendingOccurrence ?? recorded?.Next, automation.LastRun(process)));
        }

        return Results.Ok(result);
    }

    /// <summary><c>POST /api/automation/trigger</c>: runs one process now and answers with its result.</summary>
    public static async Task<IResult> TriggerAsync(HttpContext context)
    {
        var (request, problem) = await JsonRequest.ReadAsync<AutomationTriggerRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        var automation = context.RequestServices.GetRequiredService<PaymentAutomation>();
        if (!automation.Has(request!.Process))
        {
            return PaymentProblems.Invalid("process", $"Unknown process; use one of {string.Join(", ", PaymentProcesses.All)}.");
        }

        return Results.Ok(await automation.RunAsync(request.Process!, "manual", context.RequestAborted));
    }

    /// <summary>
    /// <c>POST /api/webhooks/juno</c>: a Juno TRANSACTION webhook. The receiver re-reads the transaction from Juno and
    /// hands out its final state once; a completed ISSUANCE is matched exactly as the deposit timer matches it.
    /// </summary>
    public static async Task<IResult> JunoWebhookAsync(HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<IOptions<PaymentsOptions>>().Value.JunoWebhookSecret is not { Length: >= MinimumSecretLength })
        {
            return PaymentProblems.Unavailable("The Juno webhook is not configured.", $"Set Payments:JunoWebhookSecret (at least {MinimumSecretLength} characters).");
        }

        var secret = context.Request.Query[WebhookSecretQuery].FirstOrDefault() ?? context.Request.Headers[WebhookSecretHeader].FirstOrDefault();
        var (body, problem) = await RequestBody.ReadTextAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var received = await services.GetRequiredService<JunoWebhookReceiver>().ReceiveAsync(secret, body!, context.RequestAborted);
        switch (received.Outcome)
        {
            case JunoWebhookOutcome.Rejected:
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong or missing webhook secret.");
            case JunoWebhookOutcome.Malformed:
                return PaymentProblems.Invalid("id", "Not a Juno TRANSACTION webhook: no transaction id ('id' or 'transaction_id', at the top or in 'payload').");
        }

        DepositMatch? match = null;
        if (received is { ShouldAct: true, Transaction: { } transaction })
        {
            match = await services.GetRequiredService<DepositMatcher>().MatchAsync(transaction, context.RequestAborted);
        }

        return Results.Ok(new JunoWebhookResponse(received.Outcome.ToString(), match?.Outcome.ToString(), match?.PaymentId));
    }
}
