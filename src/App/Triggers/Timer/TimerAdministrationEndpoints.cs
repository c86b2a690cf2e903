using PaymentFunctions.App.Security;

namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>Admin endpoints for timers: their schedules and recorded runs, and a manual trigger.</summary>
public static class TimerAdministrationEndpoints
{
    /// <summary>Maps <c>GET /admin/timers</c> and <c>POST /admin/functions/{name}</c> (the Functions admin invoke), admin key only.</summary>
    public static IEndpointRouteBuilder MapTimerAdministration(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var admin = endpoints.MapGroup("/admin").RequireAdminKey().WithTags("Timers");
        admin.MapGet("/timers", async (TimerTriggerHost host, ITimerTriggerMonitor monitor, CancellationToken cancellationToken) =>
        {
            var result = new List<TimerStatusResponse>();
            foreach (var timer in host.Timers)
            {
                var status = timer.Definition.UseMonitor ? await monitor.GetStatusAsync(timer.Definition.Name, cancellationToken) : null;
                result.Add(new TimerStatusResponse(timer.Definition.Name, timer.Expression, timer.Definition.RunOnStartup, status?.Last, status?.Next, status?.LastUpdated, timer.PendingOccurrence));
            }

            return Results.Ok(result);
        });
        admin.MapPost("/functions/{name}", async (string name, TimerTriggerHost host, CancellationToken cancellationToken) =>
            await host.RunNowAsync(name, cancellationToken)
                ? Results.Accepted()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such timer function.", detail: $"No timer function named '{name}' is declared."));
        return endpoints;
    }
}
