using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PaymentFunctions.App.Triggers.Http;
using PaymentFunctions.Functions.Http;

namespace PaymentFunctions.Functions.Starters;

/// <summary>The generic HTTP starter, as the self-hosted app maps it: 202 with the check-status payload.</summary>
public static class StarterFunctions
{
    /// <summary><c>POST /api/orchestrators/{functionName}/{instanceId?}</c>: the JSON body, if any, is the input.</summary>
    [Function("StartOrchestration")]
    public static Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orchestrators/{functionName}/{instanceId?}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string functionName,
        string? instanceId) =>
        SharedHandlers.RunAsync(req, client, context => HttpStarterEndpoints.StartAnyAsync(context, functionName, instanceId));
}
