using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Samples;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.Functions.Tests.Http;

namespace PaymentFunctions.Functions.Tests.Samples;

/// <summary>The typed <c>HelloCities</c> starter and the sample functions it runs, on Azure Storage.</summary>
public sealed class SampleFunctionsTests(FunctionsTaskHub hub) : IClassFixture<FunctionsTaskHub>
{
    [Fact]
    public async Task The_typed_starter_runs_HelloCities_under_the_route_instance_id()
    {
        var instanceId = "hello-" + Guid.NewGuid().ToString("N");
        var request = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/hello/{instanceId}", """{"name":"Luz","cities":["Puebla","Oaxaca"]}""");

        var response = await FunctionHttp.SendAsync(request, SampleFunctions.StartHelloCitiesAsync(request, hub.Client, instanceId));

        Assert.Equal(202, response.StatusCode);
        var done = await hub.CompletionAsync(instanceId);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails}");
        Assert.Equal(["Hello, Luz from Puebla!", "Hello, Luz from Oaxaca!"], done.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task An_invalid_request_is_400_naming_the_field_and_starts_nothing()
    {
        var instanceId = "hello-" + Guid.NewGuid().ToString("N");
        var request = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/hello/{instanceId}", """{"name":"Luz","cities":[]}""");

        var response = await FunctionHttp.SendAsync(request, SampleFunctions.StartHelloCitiesAsync(request, hub.Client, instanceId));

        Assert.Equal(400, response.StatusCode);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("cities", out _));
        Assert.Null(await hub.Client.GetInstanceAsync(instanceId));
    }

    [Fact]
    public async Task The_activity_functions_run_the_registered_activities()
    {
        var services = hub.FunctionServices;

        Assert.Equal("Hello, Tokyo!", await SampleFunctions.SayHelloAsync("Tokyo", Invocations.Of("SayHello", services, "direct")));
        Assert.Equal("succeeded", await SampleFunctions.MaybeFailAsync("succeed", Invocations.Of("MaybeFail", services, "direct")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SampleFunctions.MaybeFailAsync("fail", Invocations.Of("MaybeFail", services, "direct")));
    }
}
