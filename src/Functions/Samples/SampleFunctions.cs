using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PaymentFunctions.App.Samples;
using PaymentFunctions.Functions.Http;

namespace PaymentFunctions.Functions.Samples;

/// <summary>
/// The sample orchestrations, their activities and their typed starter, delegating to the self-hosted app's
/// registrations and handler. An orchestrator's input is its one parameter without a binding, which the extension
/// deserializes as that type.
/// </summary>
public static class SampleFunctions
{
    /// <summary><c>HelloSequence</c>.</summary>
    [Function(SampleOrchestrations.HelloSequence)]
    public static async Task<string[]> HelloSequenceAsync([OrchestrationTrigger] TaskOrchestrationContext context, string? name, FunctionContext function) =>
        (string[])(await SampleTasks.RunOrchestratorAsync(context, function, name))!;

    /// <summary><c>HelloCities</c>.</summary>
    [Function(SampleOrchestrations.HelloCities)]
    public static async Task<string[]> HelloCitiesAsync([OrchestrationTrigger] TaskOrchestrationContext context, HelloRequest request, FunctionContext function) =>
        (string[])(await SampleTasks.RunOrchestratorAsync(context, function, request))!;

    /// <summary><c>AwaitApproval</c>.</summary>
    [Function(SampleOrchestrations.AwaitApproval)]
    public static async Task<JsonElement> AwaitApprovalAsync([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function) =>
        (JsonElement)(await SampleTasks.RunOrchestratorAsync(context, function, null))!;

    /// <summary><c>HelloParent</c>.</summary>
    [Function(SampleOrchestrations.HelloParent)]
    public static async Task<JsonElement> HelloParentAsync([OrchestrationTrigger] TaskOrchestrationContext context, string? name, FunctionContext function) =>
        (JsonElement)(await SampleTasks.RunOrchestratorAsync(context, function, name))!;

    /// <summary><c>FailingStep</c>.</summary>
    [Function(SampleOrchestrations.FailingStep)]
    public static async Task<string> FailingStepAsync([OrchestrationTrigger] TaskOrchestrationContext context, string? mode, FunctionContext function) =>
        (string)(await SampleTasks.RunOrchestratorAsync(context, function, mode))!;

    /// <summary><c>SayHello</c>.</summary>
    [Function("SayHello")]
    public static async Task<string> SayHelloAsync([ActivityTrigger] string text, FunctionContext function) =>
        (string)(await SampleTasks.RunActivityAsync(function, text))!;

    /// <summary><c>MaybeFail</c>.</summary>
    [Function("MaybeFail")]
    public static async Task<string> MaybeFailAsync([ActivityTrigger] string? mode, FunctionContext function) =>
        (string)(await SampleTasks.RunActivityAsync(function, mode))!;

    /// <summary><c>POST /api/hello/{instanceId?}</c>: starts <c>HelloCities</c> with a validated body.</summary>
    [Function("StartHelloCities")]
    public static Task<IActionResult> StartHelloCitiesAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "hello/{instanceId?}")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        string? instanceId) =>
        SharedHandlers.RunAsync(req, client, context => SampleStarters.StartHelloCitiesAsync(context, instanceId));
}
