using Microsoft.Extensions.Options;
using PaymentFunctions.App.Security;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace PaymentFunctions.App.Management;

/// <summary>
/// The Durable Functions HTTP management API: the same routes, query parameters, headers and status codes, so
/// tools and habits written for Durable Functions work against this host. Every route needs the admin key (or
/// the durable-task key that check-status URIs carry).
/// </summary>
public static partial class ManagementEndpoints
{
    /// <summary>Where the API lives.</summary>
    public const string Prefix = "/runtime/webhooks/durabletask";

    /// <summary>The paging header, in requests and responses.</summary>
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>How long a client polling a running instance should wait, in seconds.</summary>
    internal const int RetryAfterSeconds = 2;

    /// <summary>Maps every route of the API.</summary>
    public static IEndpointRouteBuilder MapDurableTaskManagement(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(Prefix)
            .WithTags("Durable task management")
            .WithMetadata(new FunctionKeyMetadata(AuthorizationLevel.Admin, AcceptsDurableTaskKey: true))
            .AddEndpointFilter(async (context, next) =>
            {
                // Every log line written while handling an instance's request carries its id.
                if (context.HttpContext.Request.RouteValues.TryGetValue("instanceId", out var id) && id is string instanceId)
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ManagementEndpoints));
                    using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = instanceId });
                    return await next(context);
                }

                return await next(context);
            });

        api.MapPost("/orchestrators/{functionName}/{instanceId?}", StartAsync).WithName("StartNew");
        api.MapGet("/instances", ListAsync).WithName("GetInstances");
        api.MapDelete("/instances", PurgeManyAsync).WithName("PurgeInstances");
        api.MapGet("/instances/{instanceId}", GetStatusAsync).WithName("GetStatus");
        api.MapDelete("/instances/{instanceId}", PurgeAsync).WithName("PurgeInstance");
        api.MapPost("/instances/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("RaiseEvent");
        api.MapPost("/instances/{instanceId}/terminate", (string instanceId, string? reason, HttpContext context) =>
            SignalAsync(context, instanceId, "terminate", (client, ct) => client.TerminateInstanceAsync(instanceId, reason, ct))).WithName("Terminate");
        api.MapPost("/instances/{instanceId}/suspend", (string instanceId, string? reason, HttpContext context) =>
            SignalAsync(context, instanceId, "suspend", (client, ct) => client.SuspendInstanceAsync(instanceId, reason, ct))).WithName("Suspend");
        api.MapPost("/instances/{instanceId}/resume", (string instanceId, string? reason, HttpContext context) =>
            SignalAsync(context, instanceId, "resume", (client, ct) => client.ResumeInstanceAsync(instanceId, reason, ct))).WithName("Resume");
        api.MapPost("/instances/{instanceId}/rewind", RewindAsync).WithName("Rewind");
        api.MapPost("/instances/{instanceId}/restart", RestartAsync).WithName("Restart");
        return endpoints;
    }

    /// <summary>Answers 202 with <c>Location</c> and the check-status payload, as Durable Functions starters do.</summary>
    internal static IResult Accepted(HttpContext context, string instanceId)
    {
        var code = context.RequestServices.GetRequiredService<IOptions<FunctionKeyOptions>>().Value.DurableTask;
        var payload = CheckStatusResponse.Create(context.Request, instanceId, code);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Accepted(payload.StatusQueryGetUri, payload);
    }

    internal static IResult NotFound(string instanceId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "No such instance.", detail: $"No instance with id '{instanceId}' exists.");

    private static async Task<IResult> StartAsync(string functionName, string? instanceId, HttpContext context, DurableTaskClient client, ILogger<DurableTaskClient> logger)
    {
        var (input, problem) = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(functionName, input, new StartOrchestrationOptions(instanceId), context.RequestAborted);
            LogStarted(logger, functionName, id);
            return Accepted(context, id);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance already exists.", detail: ex.Message);
        }
    }

    private static async Task<IResult> GetStatusAsync(string instanceId, HttpContext context, DurableTaskClient client)
    {
        var query = new QueryReader(context.Request.Query);
        var showHistory = query.Bool("showHistory", false);
        var showHistoryOutput = query.Bool("showHistoryOutput", false);
        var showInput = query.Bool("showInput", true);
        var failureIs500 = query.Bool("returnInternalServerErrorOnFailure", false);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, context.RequestAborted);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        var status = InstanceStatusResponse.From(metadata, showInput);
        if (showHistory)
        {
            status = status with { HistoryEvents = HistoryProjection.Project(await client.GetOrchestrationHistoryAsync(instanceId, context.RequestAborted), showHistoryOutput) };
        }

        if (!metadata.IsCompleted)
        {
            // Still going: point the caller back here, as Durable Functions does.
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var location = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
            return Results.Accepted(location, status);
        }

        return failureIs500 && metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed
            ? Results.Json(status, statusCode: StatusCodes.Status500InternalServerError)
            : Results.Ok(status);
    }

    private static async Task<IResult> ListAsync(HttpContext context, DurableTaskClient client)
    {
        var query = new QueryReader(context.Request.Query);
        var showInput = query.Bool("showInput", false);
        var filter = new OrchestrationQuery
        {
            CreatedFrom = query.Time("createdTimeFrom"),
            CreatedTo = query.Time("createdTimeTo"),
            Statuses = query.Statuses("runtimeStatus"),
            InstanceIdPrefix = query.Text("instanceIdPrefix"),
            PageSize = query.PositiveInt("top") ?? OrchestrationQuery.DefaultPageSize,
            // Custom status and output come with every instance, as in Durable Functions; showInput adds only the input.
            FetchInputsAndOutputs = true,
            ContinuationToken = context.Request.Headers[ContinuationHeader].FirstOrDefault() is { Length: > 0 } token ? token : null,
        };
        if (query.HasErrors)
        {
            return query.Problem();
        }

        Page<OrchestrationMetadata>? page = null;
        try
        {
            await foreach (var first in client.GetAllInstancesAsync(filter).AsPages(filter.ContinuationToken, filter.PageSize).WithCancellation(context.RequestAborted))
            {
                page = first;
                break;
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [ContinuationHeader] = ["The continuation token is not one this API issued."] },
                title: "The continuation token is invalid.");
        }

        if (page is null)
        {
            return Results.Ok(Array.Empty<InstanceStatusResponse>());
        }

        if (page.ContinuationToken is { } next)
        {
            context.Response.Headers[ContinuationHeader] = next;
        }

        return Results.Ok(page.Values.Select(m => InstanceStatusResponse.From(m, showInput)).ToList());
    }

    private static async Task<IResult> PurgeAsync(string instanceId, DurableTaskClient client, ILogger<DurableTaskClient> logger, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, cancellation: cancellationToken);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (!metadata.IsCompleted)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The instance is still running.",
                detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus}; terminate it before purging its history.");
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellationToken);
        LogSent(logger, "purge", instanceId);
        return result.PurgedInstanceCount == 0 ? NotFound(instanceId) : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static async Task<IResult> PurgeManyAsync(HttpContext context, DurableTaskClient client)
    {
        var query = new QueryReader(context.Request.Query);
        var from = query.Time("createdTimeFrom");
        query.Require("createdTimeFrom", from);
        var filter = new PurgeInstancesFilter(from, query.Time("createdTimeTo"), query.Statuses("runtimeStatus"));
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var result = await client.PurgeAllInstancesAsync(filter, context.RequestAborted);
        return result.PurgedInstanceCount == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No instances matched.", detail: "No finished instance matched the filter.")
            : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static async Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpContext context)
    {
        var (data, problem) = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        return await SignalAsync(context, instanceId, "raise event " + eventName, (c, ct) => c.RaiseEventAsync(instanceId, eventName, data, ct));
    }

    private static async Task<IResult> RewindAsync(string instanceId, string? reason, HttpContext context, DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(instanceId, cancellation: context.RequestAborted);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Failed)
        {
            return metadata.IsCompleted
                ? Gone(instanceId, metadata.RuntimeStatus, "rewind")
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only failed instances can be rewound.", detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        try
        {
            await client.RewindInstanceAsync(instanceId, reason ?? string.Empty, context.RequestAborted);
        }
        catch (ArgumentException)
        {
            return NotFound(instanceId);
        }

        LogSent(context.RequestServices.GetRequiredService<ILogger<DurableTaskClient>>(), "rewind", instanceId);
        return Results.Accepted();
    }

    private static async Task<IResult> RestartAsync(string instanceId, HttpContext context, DurableTaskClient client)
    {
        var query = new QueryReader(context.Request.Query);
        var newId = query.Bool("restartWithNewInstanceId", true);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        try
        {
            var id = await client.RestartAsync(instanceId, newId, context.RequestAborted);
            LogRestarted(context.RequestServices.GetRequiredService<ILogger<DurableTaskClient>>(), instanceId, id);
            return Accepted(context, id);
        }
        catch (ArgumentException)
        {
            return NotFound(instanceId);
        }
        catch (Exception ex) when (ex is OrchestrationAlreadyExistsException or InvalidOperationException)
        {
            // The client refuses restarting an unfinished instance under its own id.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The instance is still running.", detail: ex.Message);
        }
    }

    /// <summary>Sends a message to an unfinished instance: 404 when unknown, 410 when it has finished.</summary>
    private static async Task<IResult> SignalAsync(HttpContext context, string instanceId, string operation, Func<DurableTaskClient, CancellationToken, Task> send)
    {
        var client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        var metadata = await client.GetInstanceAsync(instanceId, cancellation: context.RequestAborted);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (metadata.IsCompleted)
        {
            return Gone(instanceId, metadata.RuntimeStatus, operation);
        }

        try
        {
            await send(client, context.RequestAborted);
        }
        catch (ArgumentException)
        {
            // Purged between the look-up and the send.
            return NotFound(instanceId);
        }

        LogSent(context.RequestServices.GetRequiredService<ILogger<DurableTaskClient>>(), operation, instanceId);
        return Results.Accepted();
    }

    private static IResult Gone(string instanceId, OrchestrationRuntimeStatus status, string operation) => Results.Problem(
        statusCode: StatusCodes.Status410Gone,
        title: "The instance has finished.",
        detail: $"Cannot {operation}: instance '{instanceId}' is {status}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Name} as {InstanceId}")]
    internal static partial void LogStarted(ILogger logger, string name, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarted {InstanceId} as {NewInstanceId}")]
    private static partial void LogRestarted(ILogger logger, string instanceId, string newInstanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Operation} to {InstanceId}")]
    private static partial void LogSent(ILogger logger, string operation, string instanceId);
}
