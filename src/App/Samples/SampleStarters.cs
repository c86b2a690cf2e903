using PaymentFunctions.App.Triggers.Http;

namespace PaymentFunctions.App.Samples;

/// <summary>A typed HTTP starter, as the payment endpoints will be declared.</summary>
public static class SampleStarters
{
    /// <summary>Maps <c>POST /api/hello/{instanceId?}</c>, starting <c>HelloCities</c> with a validated <see cref="HelloRequest"/>.</summary>
    public static IEndpointRouteBuilder MapSampleStarters(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHttpStarter<HelloRequest>("/api/hello/{instanceId?}", SampleOrchestrations.HelloCities, Validate)
            .WithName("StartHelloCities");
        return endpoints;
    }

    /// <summary>The <c>POST /api/hello/{instanceId?}</c> handler, for the Functions host.</summary>
    internal static Task<IResult> StartHelloCitiesAsync(HttpContext context, string? instanceId) =>
        HttpStarterEndpoints.StartTypedAsync<HelloRequest>(context, SampleOrchestrations.HelloCities, instanceId, Validate);

    private static IReadOnlyDictionary<string, string[]> Validate(HelloRequest request) => request.Validate();
}
