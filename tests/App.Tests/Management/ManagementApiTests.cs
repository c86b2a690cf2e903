using System.Net;
using System.Text.Json;
using PaymentFunctions.App.Samples;

namespace PaymentFunctions.App.Tests.Management;

public sealed class ManagementApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Prefix = ApiClient.Prefix;
    private readonly HttpClient client = app.CreateAdminClient();

    [Fact]
    public async Task Start_answers_202_with_location_and_every_check_status_uri()
    {
        var id = NewId("start");

        var response = await this.client.StartAsync(SampleOrchestrations.HelloSequence, id, "\"Ana\"");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(id, body.GetProperty("id").GetString());
        var status = body.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal(new Uri(status), response.Headers.Location);
        Assert.StartsWith($"http://localhost{Prefix}/instances/{id}", status);
        foreach (var (name, suffix) in new[]
        {
            ("sendEventPostUri", "/raiseEvent/{eventName}"), ("terminatePostUri", "/terminate?reason={text}"),
            ("rewindPostUri", "/rewind?reason={text}"), ("purgeHistoryDeleteUri", ""), ("restartPostUri", "/restart"),
            ("suspendPostUri", "/suspend?reason={text}"), ("resumePostUri", "/resume?reason={text}"),
        })
        {
            Assert.StartsWith($"http://localhost{Prefix}/instances/{id}{suffix}", body.GetProperty(name).GetString());
            Assert.Contains("code=" + AppFactory.DurableTaskKey, body.GetProperty(name).GetString());
        }

        var done = await this.client.WaitForStatusAsync(id, "Completed");
        Assert.Equal("Hello, Ana from London!", done.GetProperty("output")[2].GetString());
    }

    [Fact]
    public async Task Start_with_an_existing_running_id_is_409_and_bad_json_is_400()
    {
        var id = NewId("dup");
        Assert.Equal(HttpStatusCode.Accepted, (await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id)).StatusCode);

        var again = await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id);
        var badJson = await this.client.StartAsync(SampleOrchestrations.HelloSequence, NewId("bad"), "{ not json");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.True((await badJson.ReadJsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task Status_is_202_with_location_and_retry_after_while_running_200_when_done_404_when_unknown()
    {
        var id = NewId("status");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id, """{"amount":10}""");
        await this.client.WaitForStatusAsync(id, "Running");

        var running = await this.client.GetAsync($"{Prefix}/instances/{id}");
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.NotNull(running.Headers.Location);
        Assert.Equal(TimeSpan.FromSeconds(2), running.Headers.RetryAfter?.Delta);
        var body = await running.ReadJsonAsync();
        Assert.Equal(10, body.GetProperty("input").GetProperty("amount").GetInt32());
        Assert.Equal("waiting for approval", body.GetProperty("customStatus").GetString());

        await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/terminate?reason=test");
        await this.client.WaitForStatusAsync(id, "Terminated");
        Assert.Equal(HttpStatusCode.OK, await this.client.StatusCodeOfAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, await this.client.StatusCodeOfAsync(NewId("nobody")));
    }

    [Fact]
    public async Task Status_shows_history_with_outputs_only_when_asked_and_can_hide_the_input()
    {
        var id = NewId("history");
        await this.client.StartAsync(SampleOrchestrations.HelloSequence, id, "\"Bo\"");
        await this.client.WaitForStatusAsync(id, "Completed");

        var plain = await (await this.client.GetAsync($"{Prefix}/instances/{id}")).ReadJsonAsync();
        var history = await (await this.client.GetAsync($"{Prefix}/instances/{id}?showHistory=true&showInput=false")).ReadJsonAsync();
        var withOutput = await (await this.client.GetAsync($"{Prefix}/instances/{id}?showHistory=true&showHistoryOutput=true")).ReadJsonAsync();

        Assert.False(plain.TryGetProperty("historyEvents", out _));
        Assert.Equal(JsonValueKind.Null, history.GetProperty("input").ValueKind);
        var events = history.GetProperty("historyEvents").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("eventType").GetString() == "ExecutionStarted");
        Assert.Contains(events, e => e.GetProperty("eventType").GetString() == "ExecutionCompleted");
        Assert.Equal(3, events.Count(e => e.GetProperty("eventType").GetString() == "TaskCompleted"));
        Assert.DoesNotContain(events, e => e.TryGetProperty("result", out _));
        var completed = withOutput.GetProperty("historyEvents").EnumerateArray().First(e => e.GetProperty("eventType").GetString() == "TaskCompleted");
        Assert.Equal("Hello, Bo from Tokyo!", completed.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await this.client.GetAsync($"{Prefix}/instances/{id}?showHistory=maybe")).StatusCode);
    }

    [Fact]
    public async Task Failed_instance_is_200_unless_returnInternalServerErrorOnFailure_asks_for_500()
    {
        var id = NewId("fail");
        await this.client.StartAsync(SampleOrchestrations.FailingStep, id, "\"fail\"");
        var failed = await this.client.WaitForStatusAsync(id, "Failed");

        var asked = await this.client.GetAsync($"{Prefix}/instances/{id}?returnInternalServerErrorOnFailure=true");

        Assert.Contains("failed as asked", failed.GetProperty("failureDetails").GetProperty("errorMessage").GetString());
        Assert.Equal(HttpStatusCode.OK, await this.client.StatusCodeOfAsync(id));
        Assert.Equal(HttpStatusCode.InternalServerError, asked.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_prefix_status_and_creation_time()
    {
        var prefix = NewId("list");
        await this.client.StartAsync(SampleOrchestrations.HelloSequence, prefix + "-done", "\"x\"");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, prefix + "-waiting");
        var done = await this.client.WaitForStatusAsync(prefix + "-done", "Completed");
        await this.client.WaitForStatusAsync(prefix + "-waiting", "Running");
        var created = done.GetProperty("createdTime").GetDateTimeOffset();

        var all = await this.ListAsync($"instanceIdPrefix={prefix}");
        var completed = await this.ListAsync($"instanceIdPrefix={prefix}&runtimeStatus=Completed,Failed&showInput=true");
        var later = await this.ListAsync($"instanceIdPrefix={prefix}&createdTimeFrom={Uri.EscapeDataString(created.AddMinutes(1).ToString("O"))}");
        var earlier = await this.ListAsync($"instanceIdPrefix={prefix}&createdTimeTo={Uri.EscapeDataString(created.AddMinutes(1).ToString("O"))}");

        Assert.Equal([prefix + "-done", prefix + "-waiting"], all.Select(Id).Order());
        Assert.Equal([prefix + "-done"], completed.Select(Id));
        Assert.Equal("x", completed[0].GetProperty("input").GetString());
        Assert.Empty(later);
        Assert.Equal(2, earlier.Count);
        var bad = await this.client.GetAsync($"{Prefix}/instances?runtimeStatus=Sleeping&top=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("runtimeStatus", out _));
        Assert.True(errors.TryGetProperty("top", out _));
    }

    [Fact]
    public async Task List_pages_through_the_continuation_header()
    {
        var prefix = NewId("page");
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id)).StatusCode);
        }

        var seen = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/instances?instanceIdPrefix={prefix}&top=2");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            var response = await this.client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.ReadJsonAsync()).EnumerateArray().ToList();
            Assert.True(page.Count <= 2);
            seen.AddRange(page.Select(Id));
            pages++;
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null && pages < 10);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Raise_event_is_202_and_the_instance_gets_the_payload_404_unknown_410_finished_400_bad_json()
    {
        var id = NewId("event");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id);
        await this.client.WaitForStatusAsync(id, "Running");

        var badJson = await this.client.PostAsync($"{Prefix}/instances/{id}/raiseEvent/{SampleOrchestrations.ApprovalEvent}", ApiClient.Json("{oops"));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal("Running", (await this.client.WaitForStatusAsync(id, "Running")).GetProperty("runtimeStatus").GetString());

        var raised = await this.client.PostAsync($"{Prefix}/instances/{id}/raiseEvent/{SampleOrchestrations.ApprovalEvent}", ApiClient.Json("""{"by":"ops"}"""));
        Assert.Equal(HttpStatusCode.Accepted, raised.StatusCode);
        var done = await this.client.WaitForStatusAsync(id, "Completed");
        Assert.Equal("ops", done.GetProperty("output").GetProperty("by").GetString());

        Assert.Equal(HttpStatusCode.Gone, (await this.client.PostAsync($"{Prefix}/instances/{id}/raiseEvent/Approval", ApiClient.Json("1"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostAsync($"{Prefix}/instances/{NewId("none")}/raiseEvent/Approval", ApiClient.Json("1"))).StatusCode);
    }

    [Fact]
    public async Task Terminate_is_202_then_410_and_404_for_unknown_ids()
    {
        var id = NewId("terminate");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id);
        await this.client.WaitForStatusAsync(id, "Running");

        Assert.Equal(HttpStatusCode.Accepted, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/terminate?reason=done")).StatusCode);
        await this.client.WaitForStatusAsync(id, "Terminated");
        Assert.Equal(HttpStatusCode.Gone, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/terminate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostEmptyAsync($"{Prefix}/instances/{NewId("none")}/terminate")).StatusCode);
    }

    [Fact]
    public async Task Suspend_and_resume_are_202_then_410_once_finished_and_404_for_unknown_ids()
    {
        var id = NewId("suspend");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id);
        await this.client.WaitForStatusAsync(id, "Running");

        Assert.Equal(HttpStatusCode.Accepted, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/suspend?reason=look")).StatusCode);
        await this.client.WaitForStatusAsync(id, "Suspended");
        Assert.Equal(HttpStatusCode.Accepted, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/resume?reason=ok")).StatusCode);
        await this.client.WaitForStatusAsync(id, "Running");

        await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/terminate");
        await this.client.WaitForStatusAsync(id, "Terminated");
        Assert.Equal(HttpStatusCode.Gone, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/suspend")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/resume")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostEmptyAsync($"{Prefix}/instances/{NewId("none")}/suspend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostEmptyAsync($"{Prefix}/instances/{NewId("none")}/resume")).StatusCode);
    }

    [Fact]
    public async Task Rewind_is_202_for_failed_instances_409_while_running_410_when_completed_404_unknown()
    {
        var failed = NewId("rewind-failed");
        var completed = NewId("rewind-completed");
        var running = NewId("rewind-running");
        await this.client.StartAsync(SampleOrchestrations.FailingStep, failed, "\"fail\"");
        await this.client.StartAsync(SampleOrchestrations.FailingStep, completed, "\"succeed\"");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, running);
        await this.client.WaitForStatusAsync(failed, "Failed");
        await this.client.WaitForStatusAsync(completed, "Completed");
        await this.client.WaitForStatusAsync(running, "Running");

        Assert.Equal(HttpStatusCode.Accepted, (await this.client.PostEmptyAsync($"{Prefix}/instances/{failed}/rewind?reason=retry")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await this.client.PostEmptyAsync($"{Prefix}/instances/{running}/rewind")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await this.client.PostEmptyAsync($"{Prefix}/instances/{completed}/rewind")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostEmptyAsync($"{Prefix}/instances/{NewId("none")}/rewind")).StatusCode);

        // The rewound step fails again (the sample always fails), which proves it ran again.
        var history = await this.client.WaitForHistoryAsync(failed, "ExecutionRewound");
        Assert.Contains(history, e => e.GetProperty("eventType").GetString() == "ExecutionRewound");
    }

    [Fact]
    public async Task Restart_is_202_with_the_new_instance_409_while_running_404_unknown()
    {
        var id = NewId("restart");
        await this.client.StartAsync(SampleOrchestrations.HelloSequence, id, "\"Cy\"");
        await this.client.WaitForStatusAsync(id, "Completed");

        var withNewId = await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/restart");
        Assert.Equal(HttpStatusCode.Accepted, withNewId.StatusCode);
        var newId = (await withNewId.ReadJsonAsync()).GetProperty("id").GetString()!;
        Assert.NotEqual(id, newId);
        var rerun = await this.client.WaitForStatusAsync(newId, "Completed");
        Assert.Equal("Cy", rerun.GetProperty("input").GetString());

        var sameId = await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/restart?restartWithNewInstanceId=false");
        Assert.Equal(HttpStatusCode.Accepted, sameId.StatusCode);
        Assert.Equal(id, (await sameId.ReadJsonAsync()).GetProperty("id").GetString());

        var running = NewId("restart-running");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, running);
        await this.client.WaitForStatusAsync(running, "Running");
        Assert.Equal(HttpStatusCode.Conflict, (await this.client.PostEmptyAsync($"{Prefix}/instances/{running}/restart?restartWithNewInstanceId=false")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.PostEmptyAsync($"{Prefix}/instances/{NewId("none")}/restart")).StatusCode);
    }

    [Fact]
    public async Task Purge_deletes_a_finished_instance_then_404_and_refuses_a_running_one()
    {
        var id = NewId("purge");
        var running = NewId("purge-running");
        await this.client.StartAsync(SampleOrchestrations.HelloSequence, id, "\"Di\"");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, running);
        await this.client.WaitForStatusAsync(id, "Completed");
        await this.client.WaitForStatusAsync(running, "Running");

        var purged = await this.client.DeleteAsync($"{Prefix}/instances/{id}");

        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(1, (await purged.ReadJsonAsync()).GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, await this.client.StatusCodeOfAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await this.client.DeleteAsync($"{Prefix}/instances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await this.client.DeleteAsync($"{Prefix}/instances/{running}")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, await this.client.StatusCodeOfAsync(running));
    }

    [Fact]
    public async Task Purge_by_filter_deletes_matching_finished_instances_and_needs_createdTimeFrom()
    {
        var prefix = NewId("bulk");
        await this.client.StartAsync(SampleOrchestrations.HelloSequence, prefix + "-a", "\"a\"");
        await this.client.StartAsync(SampleOrchestrations.FailingStep, prefix + "-b", "\"fail\"");
        var first = await this.client.WaitForStatusAsync(prefix + "-a", "Completed");
        await this.client.WaitForStatusAsync(prefix + "-b", "Failed");
        var from = Uri.EscapeDataString(first.GetProperty("createdTime").GetDateTimeOffset().AddMilliseconds(-1).ToString("O"));

        var missing = await this.client.DeleteAsync($"{Prefix}/instances?runtimeStatus=Completed");
        var onlyFailed = await this.client.DeleteAsync($"{Prefix}/instances?createdTimeFrom={from}&runtimeStatus=Failed");
        var none = await this.client.DeleteAsync($"{Prefix}/instances?createdTimeFrom={from}&runtimeStatus=Failed");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("createdTimeFrom", out _));
        Assert.Equal(HttpStatusCode.OK, onlyFailed.StatusCode);
        Assert.Equal(1, (await onlyFailed.ReadJsonAsync()).GetProperty("instancesDeleted").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await this.client.StatusCodeOfAsync(prefix + "-b"));
        Assert.Equal(HttpStatusCode.OK, await this.client.StatusCodeOfAsync(prefix + "-a"));
    }

    private static string Id(JsonElement instance) => instance.GetProperty("instanceId").GetString()!;

    [Fact]
    public async Task History_links_a_sub_orchestration_and_its_parent_both_ways()
    {
        var id = NewId("parent");
        await this.client.StartAsync(SampleOrchestrations.HelloParent, id, "\"Eva\"");
        await this.client.WaitForStatusAsync(id, "Completed");

        var parent = await this.client.WaitForHistoryAsync(id, "SubOrchestrationInstanceCompleted");
        var child = await this.client.WaitForHistoryAsync($"{id}-child", "ExecutionStarted");

        var answer = Assert.Single(parent, e => e.GetProperty("eventType").GetString() == "SubOrchestrationInstanceCompleted");
        Assert.Equal($"{id}-child", answer.GetProperty("instanceId").GetString());
        Assert.Equal(SampleOrchestrations.HelloSequence, answer.GetProperty("functionName").GetString());
        Assert.DoesNotContain(parent, e => e.GetProperty("eventType").GetString() == "SubOrchestrationInstanceCreated");
        var started = Assert.Single(child, e => e.GetProperty("eventType").GetString() == "ExecutionStarted");
        Assert.Equal(id, started.GetProperty("parentInstanceId").GetString());
        Assert.False(Assert.Single(parent, e => e.GetProperty("eventType").GetString() == "ExecutionStarted").TryGetProperty("parentInstanceId", out _));
    }

    [Fact]
    public async Task A_sub_orchestration_still_running_shows_as_created_until_it_answers()
    {
        var id = NewId("waiting-parent");
        await this.client.StartAsync(SampleOrchestrations.HelloParent, id, "\"wait\"");
        await this.client.WaitForStatusAsync($"{id}-child", "Running");

        var running = await this.client.WaitForHistoryAsync(id, "SubOrchestrationInstanceCreated");
        await this.client.PostAsync($"{Prefix}/instances/{id}-child/raiseEvent/{SampleOrchestrations.ApprovalEvent}", ApiClient.Json("""{"ok":true}"""));
        await this.client.WaitForStatusAsync(id, "Completed");
        var done = await this.client.WaitForHistoryAsync(id, "SubOrchestrationInstanceCompleted");

        var created = Assert.Single(running, e => e.GetProperty("eventType").GetString() == "SubOrchestrationInstanceCreated");
        Assert.Equal($"{id}-child", created.GetProperty("instanceId").GetString());
        Assert.Equal(SampleOrchestrations.AwaitApproval, created.GetProperty("functionName").GetString());
        Assert.DoesNotContain(done, e => e.GetProperty("eventType").GetString() == "SubOrchestrationInstanceCreated");
    }

    [Fact]
    public async Task The_list_carries_custom_status_without_showInput_and_input_only_with_it()
    {
        var id = NewId("custom-status");
        await this.client.StartAsync(SampleOrchestrations.AwaitApproval, id, "\"in\"");
        await this.client.WaitForStatusAsync(id, "Running");

        var plain = Assert.Single((await (await this.client.GetAsync($"{Prefix}/instances?instanceIdPrefix={id}")).ReadJsonAsync()).EnumerateArray());
        var withInput = Assert.Single((await (await this.client.GetAsync($"{Prefix}/instances?instanceIdPrefix={id}&showInput=true")).ReadJsonAsync()).EnumerateArray());

        Assert.Equal("waiting for approval", plain.GetProperty("customStatus").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("input").ValueKind);
        Assert.Equal("in", withInput.GetProperty("input").GetString());
        await this.client.PostEmptyAsync($"{Prefix}/instances/{id}/terminate");
    }

    private static string NewId(string hint) => $"{hint}-{Guid.NewGuid():N}";

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        var response = await this.client.GetAsync($"{Prefix}/instances?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).EnumerateArray()];
    }
}
