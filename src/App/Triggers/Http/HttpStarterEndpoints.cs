using System.Diagnostics;
using System.Text.Json;
using PaymentFunctions.App.Management;
using PaymentFunctions.App.Operations;
using PaymentFunctions.App.Security;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.App.Triggers.Http;

/// <summary>
/// HTTP triggers that start orchestrations and answer as Durable Functions starters do: 202, <c>Location</c>
/// pointing at the status, and the check-status payload. They need the function key.
/// </summary>
public static class HttpStarterEndpoints
{
    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A generic starter: POST to <paramref name="pattern"/>, which must hold <c>{functionName}</c> and may hold
    /// <c>{instanceId?}</c>; the JSON body, if any, is the input.
    /// </summary>
    public static RouteHandlerBuilder MapHttpStarter(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (!pattern.Contains("{functionName}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The route '{pattern}' must contain {{functionName}}.", nameof(pattern));
        }

        return endpoints.MapPost(pattern, (string functionName, string? instanceId, HttpContext context) => StartAnyAsync(context, functionName, instanceId))
        .RequireFunctionKey()
        .WithTags("HTTP starters")
        .Produces<CheckStatusResponse>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// A typed starter for one orchestrator: the JSON body becomes <typeparamref name="TInput"/>, checked by
    /// <paramref name="validate"/> (field name → messages) before anything is written.
    /// </summary>
    /// <param name="endpoints">Where to map it.</param>
    /// <param name="pattern">The route; a <c>{instanceId?}</c> segment chooses the instance id.</param>
    /// <param name="orchestratorName">The orchestrator to start.</param>
    /// <param name="validate">Returns the problems with the input, or null (or empty) when it is fine.</param>
    /// <param name="instanceId">Derives the instance id from the input (e.g. <c>payment-{id}</c>); a new GUID when null.</param>
    public static RouteHandlerBuilder MapHttpStarter<TInput>(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        string orchestratorName,
        Func<TInput, IReadOnlyDictionary<string, string[]>?>? validate = null,
        Func<TInput, string?>? instanceId = null)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        // As a Delegate the handler's IResult is written to the response; as a RequestDelegate it would be dropped.
        Func<HttpContext, Task<IResult>> handler = context => StartTypedAsync(
            context,
            orchestratorName,
            context.Request.RouteValues.TryGetValue("instanceId", out var routeId) ? routeId as string : null,
            validate,
            instanceId);
        return endpoints.MapPost(pattern, handler)
        .RequireFunctionKey()
        .WithTags("HTTP starters")
        .Accepts<TInput>("application/json")
        .Produces<CheckStatusResponse>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// The generic starter's handler, shared with the Functions host: the JSON body, if any, is the input of
    /// <paramref name="functionName"/>.
    /// </summary>
    internal static async Task<IResult> StartAnyAsync(HttpContext context, string functionName, string? instanceId)
    {
        var (input, problem) = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        return problem ?? await StartAsync(context, functionName, input, instanceId);
    }

    /// <summary>
    /// A typed starter's handler, shared with the Functions host: reads and checks <typeparamref name="TInput"/>,
    /// then starts <paramref name="orchestratorName"/> as <paramref name="routeInstanceId"/> when given, else as
    /// <paramref name="instanceId"/> derives it from the input.
    /// </summary>
    internal static async Task<IResult> StartTypedAsync<TInput>(
        HttpContext context,
        string orchestratorName,
        string? routeInstanceId,
        Func<TInput, IReadOnlyDictionary<string, string[]>?>? validate = null,
        Func<TInput, string?>? instanceId = null)
        where TInput : notnull
    {
        TInput? input;
        try
        {
            input = await JsonSerializer.DeserializeAsync<TInput>(context.Request.Body, BodyOptions, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"'{field}' has the wrong type or shape."] }, title: "The request body is invalid.");
        }

        if (input is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }, title: "The request body is invalid.");
        }

        if (validate?.Invoke(input) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors, title: "The request body is invalid.");
        }

        var id = routeInstanceId is { Length: > 0 } ? routeInstanceId : instanceId?.Invoke(input);
        return await StartAsync(context, orchestratorName, input, id);
    }

    private static async Task<IResult> StartAsync(HttpContext context, string orchestratorName, object? input, string? instanceId)
    {
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity("http.start " + orchestratorName, ActivityKind.Server);
        var client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        try
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new StartOrchestrationOptions(instanceId), context.RequestAborted);
            span?.SetTag("durabletask.instance_id", id);
            ManagementEndpoints.LogStarted(context.RequestServices.GetRequiredService<ILogger<DurableTaskClient>>(), orchestratorName, id);
            return ManagementEndpoints.Accepted(context, id);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance already exists.", detail: ex.Message);
        }
    }
}
