using System.Text.Json;
using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>
/// Tells the user how to drive the running app themselves: base URL, the keys the demo generated (function, admin,
/// Durable Task system key, approvers) and ready-to-paste curl commands for every operator flow.
/// </summary>
internal static class ApiGuide
{
    public static void Print(LocalRun run, PaymentSnapshot payment, JsonElement checkStatus)
    {
        var api = run.App.BaseAddress.ToString().TrimEnd('/');
        var key = run.App.FunctionKey;
        var keys = run.Keys;
        var juno = run.Stack.Juno.BaseAddress.ToString().TrimEnd('/');
        var (firstApprover, firstKey) = keys.Approvers.First();
        var (secondApprover, secondKey) = keys.Approvers.Skip(1).First();
        var statusUri = checkStatus.TryGetProperty("statusQueryGetUri", out var uri) ? uri.GetString() : null;
        var body = $$"""{"amount": 250.00, "buyer": {"name": "{{DemoParties.BuyerName}}", "refundClabe": "{{DemoParties.BuyerRefundClabe.Value}}"}, "seller": {"name": "{{DemoParties.SellerName}}", "clabe": "{{DemoParties.SellerClabe.Value}}"}, "deadline": "{{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}}", "custodyEnd": "{{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}}"}""";
        var text = $$"""
            API          {{api}}
            Monitor      {{api}}/monitor   (sign in with the admin key)
            Function key x-functions-key: {{key}}
            Admin key    x-functions-key: {{keys.Admin}}   (everything, including the management API /runtime/webhooks/durabletask)
            System key   code={{keys.DurableTask}}   (Keys:DurableTask, carried by every check-status URL)
            Approvers    {{firstApprover}} x-approver-key: {{firstKey}}
                         {{secondApprover}} x-approver-key: {{secondKey}}
            Juno sim     {{juno}}  (control endpoints under /_sim/)

            # the demo payment, timeline in English; its orchestration through the check-status URL (no header needed)
            curl -s -H 'x-functions-key: {{key}}' -H 'Accept-Language: en' {{api}}/api/payments/{{payment.Id}}
            curl -s '{{statusUri}}'

            # the management API with the admin key: recent orchestration instances
            curl -s -H 'x-functions-key: {{keys.Admin}}' {{api}}/runtime/webhooks/durabletask/instances

            # a new payment with an hour of custody, the buyer's SPEI deposit into its depositClabe, then deposit detection
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'content-type: application/json' {{api}}/api/payments -d '{{body}}'
            curl -s -X POST -H 'content-type: application/json' {{juno}}/_sim/spei/deposits -d '{"amount": "250.00", "receiver_clabe": "<depositClabe>"}'
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'content-type: application/json' {{api}}/api/automation/trigger -d '{"process": "deposits"}'

            # in custody: dispute it, then resolve it for the buyer (refund) or the seller (release): {"outcome": "buyer" | "seller"}
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'x-actor: buyer' -H 'content-type: application/json' {{api}}/api/payments/<id>/dispute -d '{"reason": "not delivered"}'
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'x-actor: operator' -H 'content-type: application/json' {{api}}/api/payments/<id>/resolve -d '{"outcome": "buyer", "reason": "refund agreed"}'

            # above 100,000 MXN a release needs two different approvers
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'x-approver-key: {{firstKey}}' {{api}}/api/payments/<id>/approve
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'x-approver-key: {{secondKey}}' {{api}}/api/payments/<id>/approve

            # a payment on hold: resume it once the cause is fixed; timers; recent payments
            curl -s -X POST -H 'x-functions-key: {{key}}' {{api}}/api/payments/<id>/resume
            curl -s -H 'x-functions-key: {{key}}' {{api}}/api/automation/status
            curl -s -H 'x-functions-key: {{key}}' '{{api}}/api/payments?limit=10'
            """;
        AnsiConsole.Write(new Rule("[bold]try the API[/]").LeftJustified());

        // Plain lines, not a panel: the commands must copy and paste without borders or wrapping.
        Console.Out.WriteLine(text);
    }
}
