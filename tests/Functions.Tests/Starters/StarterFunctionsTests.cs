using Microsoft.DurableTask.Client;
using PaymentFunctions.Functions.Starters;
using PaymentFunctions.Functions.Tests.Durable;
using PaymentFunctions.Functions.Tests.Http;

namespace PaymentFunctions.Functions.Tests.Starters;

/// <summary>The generic starter function, through a real client on Azure Storage, with the orchestration run to its end.</summary>
public sealed class StarterFunctionsTests(FunctionsTaskHub hub) : IClassFixture<FunctionsTaskHub>
{
    [Fact]
    public async Task Starts_the_named_orchestrator_with_the_body_as_input_and_answers_the_check_status_payload()
    {
        var instanceId = "start-" + Guid.NewGuid().ToString("N");
        var request = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/HelloSequence/{instanceId}", "\"Ana\"");

        var response = await FunctionHttp.SendAsync(request, StarterFunctions.StartAsync(request, hub.Client, "HelloSequence", instanceId));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(instanceId, response.Json.GetProperty("id").GetString());
        Assert.Equal($"https://func-payments.azurewebsites.net/runtime/webhooks/durabletask/instances/{instanceId}", response.Headers.Location.ToString().Split('?')[0]);
        var done = await hub.CompletionAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(["Hello, Ana from Tokyo!", "Hello, Ana from Seattle!", "Hello, Ana from London!"], done.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task A_parent_runs_its_sub_orchestration_through_the_same_functions()
    {
        var instanceId = "parent-" + Guid.NewGuid().ToString("N");
        var request = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/HelloParent/{instanceId}", "\"Rui\"");

        Assert.Equal(202, (await FunctionHttp.SendAsync(request, StarterFunctions.StartAsync(request, hub.Client, "HelloParent", instanceId))).StatusCode);

        var done = await hub.CompletionAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello, Rui from London!", done.ReadOutputAs<System.Text.Json.JsonElement>()[2].GetString());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await hub.Client.GetInstanceAsync($"{instanceId}-child"))?.RuntimeStatus);
    }

    [Fact]
    public async Task A_second_start_of_a_running_instance_id_is_409()
    {
        var instanceId = "approval-" + Guid.NewGuid().ToString("N");
        var first = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/AwaitApproval/{instanceId}");
        Assert.Equal(202, (await FunctionHttp.SendAsync(first, StarterFunctions.StartAsync(first, hub.Client, "AwaitApproval", instanceId))).StatusCode);
        using (var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            await hub.Client.WaitForInstanceStartAsync(instanceId, guard.Token);
        }

        var second = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/AwaitApproval/{instanceId}");
        var response = await FunctionHttp.SendAsync(second, StarterFunctions.StartAsync(second, hub.Client, "AwaitApproval", instanceId));

        Assert.Equal(409, response.StatusCode);

        // The first one still runs and takes its event: AwaitApproval returns the payload.
        await hub.Client.RaiseEventAsync(instanceId, "Approval", new { by = "ops" });
        var done = await hub.CompletionAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ops", done.ReadOutputAs<System.Text.Json.JsonElement>().GetProperty("by").GetString());
    }

    [Fact]
    public async Task A_failing_activity_fails_the_orchestration_and_a_succeeding_one_completes_it()
    {
        var failing = "fail-" + Guid.NewGuid().ToString("N");
        var succeeding = "succeed-" + Guid.NewGuid().ToString("N");
        var a = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/FailingStep/{failing}", "\"fail\"");
        var b = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/FailingStep/{succeeding}", "\"succeed\"");
        await FunctionHttp.SendAsync(a, StarterFunctions.StartAsync(a, hub.Client, "FailingStep", failing));
        await FunctionHttp.SendAsync(b, StarterFunctions.StartAsync(b, hub.Client, "FailingStep", succeeding));

        var failed = await hub.CompletionAsync(failing);
        var completed = await hub.CompletionAsync(succeeding);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Contains("The sample step failed as asked.", failed.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        Assert.Equal("succeeded", completed.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400_and_starts_nothing()
    {
        var instanceId = "bad-" + Guid.NewGuid().ToString("N");
        var request = FunctionHttp.Request(hub.FunctionServices, "POST", $"/api/orchestrators/HelloSequence/{instanceId}", "{not json");

        var response = await FunctionHttp.SendAsync(request, StarterFunctions.StartAsync(request, hub.Client, "HelloSequence", instanceId));

        Assert.Equal(400, response.StatusCode);
        Assert.Null(await hub.Client.GetInstanceAsync(instanceId));
    }
}
