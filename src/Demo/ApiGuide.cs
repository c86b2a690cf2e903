using PaymentFunctions.Demo.Api;
using Spectre.Console;

namespace PaymentFunctions.Demo;

/// <summary>Tells the user how to drive the running app themselves: base URL, function key and ready-to-paste curl commands.</summary>
internal static class ApiGuide
{
    public static void Print(LocalRun run, PaymentSnapshot payment)
    {
        var api = run.App.BaseAddress.ToString().TrimEnd('/');
        var key = run.App.FunctionKey;
        var juno = run.Stack.Juno.BaseAddress.ToString().TrimEnd('/');
        var body = $$"""{"amount": 250.00, "buyer": {"name": "{{DemoParties.BuyerName}}"}, "seller": {"name": "{{DemoParties.SellerName}}", "clabe": "{{DemoParties.SellerClabe.Value}}"}, "deadline": "{{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}}"}""";
        var text = $$"""
            API        {{api}}
            Monitor    {{api}}/monitor  (sign in with the admin key)
            Function   x-functions-key: {{key}}
            Juno sim   {{juno}}  (control endpoints under /_sim/)

            # the demo payment, timeline in English
            curl -s -H 'x-functions-key: {{key}}' -H 'Accept-Language: en' {{api}}/api/payments/{{payment.Id}}

            # a new payment (no custody), then the buyer's SPEI deposit into its depositClabe, then deposit detection
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'content-type: application/json' {{api}}/api/payments -d '{{body}}'
            curl -s -X POST -H 'content-type: application/json' {{juno}}/_sim/spei/deposits -d '{"amount": "250.00", "receiver_clabe": "<depositClabe>"}'
            curl -s -X POST -H 'x-functions-key: {{key}}' -H 'content-type: application/json' {{api}}/api/automation/trigger -d '{"process": "deposits"}'

            # timers, recent payments
            curl -s -H 'x-functions-key: {{key}}' {{api}}/api/automation/status
            curl -s -H 'x-functions-key: {{key}}' '{{api}}/api/payments?limit=10'
            """;
        AnsiConsole.Write(new Rule("[bold]try the API[/]").LeftJustified());

        // Plain lines, not a panel: the commands must copy and paste without borders or wrapping.
        Console.Out.WriteLine(text);
    }
}
