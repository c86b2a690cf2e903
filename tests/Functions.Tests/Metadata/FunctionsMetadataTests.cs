using System.Reflection;
using System.Text.Json;

namespace PaymentFunctions.Functions.Tests.Metadata;

/// <summary>What the Functions host will find: the build's <c>functions.metadata</c> and the extension bundle.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly IReadOnlyList<FunctionMetadata> Built = FunctionMetadata.ReadBuilt();

    public static TheoryData<string, string, string?, string?, string?, string?> Expected => new()
    {
        // name, trigger, route, methods, schedule, auth level
        { "CreatePayment", "httpTrigger", "payments", "post", null, "Function" },
        { "ListPayments", "httpTrigger", "payments", "get", null, "Function" },
        { "GetPayment", "httpTrigger", "payments/{id}", "get", null, "Function" },
        { "GetPaymentLedger", "httpTrigger", "payments/{id}/ledger", "get", null, "Function" },
        { "ApprovePayment", "httpTrigger", "payments/{id}/approve", "post", null, "Function" },
        { "DisputePayment", "httpTrigger", "payments/{id}/dispute", "post", null, "Function" },
        { "ReleasePayment", "httpTrigger", "payments/{id}/release", "post", null, "Function" },
        { "CancelPayment", "httpTrigger", "payments/{id}/cancel", "post", null, "Function" },
        { "ResumePayment", "httpTrigger", "payments/{id}/resume", "post", null, "Function" },
        { "ResolvePayment", "httpTrigger", "payments/{id}/resolve", "post", null, "Function" },
        { "PaymentAutomationStatus", "httpTrigger", "automation/status", "get", null, "Function" },
        { "TriggerPaymentProcess", "httpTrigger", "automation/trigger", "post", null, "Function" },
        { "JunoWebhook", "httpTrigger", "webhooks/juno", "post", null, "Function" },
        { "CreateRule", "httpTrigger", "rules", "post", null, "Function" },
        { "ListRules", "httpTrigger", "rules", "get", null, "Function" },
        { "GetRule", "httpTrigger", "rules/{id}", "get", null, "Function" },
        { "UpdateRule", "httpTrigger", "rules/{id}", "put", null, "Function" },
        { "DeleteRule", "httpTrigger", "rules/{id}", "delete", null, "Function" },
        { "PauseRule", "httpTrigger", "rules/{id}/pause", "post", null, "Function" },
        { "ResumeRule", "httpTrigger", "rules/{id}/resume", "post", null, "Function" },
        { "SimulateRule", "httpTrigger", "rules/{id}/simulate", "post", null, "Function" },
        { "ExecuteRule", "httpTrigger", "rules/{id}/execute", "post", null, "Function" },
        { "GetRuleHistory", "httpTrigger", "rules/{id}/history", "get", null, "Function" },
        { "GetRuleExecution", "httpTrigger", "rule-executions/{id}", "get", null, "Function" },
        { "ApproveRuleExecution", "httpTrigger", "rule-executions/{id}/approve", "post", null, "Function" },
        { "RejectRuleExecution", "httpTrigger", "rule-executions/{id}/reject", "post", null, "Function" },
        { "ListRuleAuditLog", "httpTrigger", "audit/rules", "get", null, "Function" },
        { "VerifyRuleAuditLog", "httpTrigger", "audit/rules/verify", "get", null, "Function" },
        { "StartOrchestration", "httpTrigger", "orchestrators/{functionName}/{instanceId?}", "post", null, "Function" },
        { "StartHelloCities", "httpTrigger", "hello/{instanceId?}", "post", null, "Function" },
        { "PaymentDeposits", "timerTrigger", null, null, "%Payments:DepositDetectionSchedule%", null },
        { "PaymentCustody", "timerTrigger", null, null, "%Payments:CustodyReportSchedule%", null },
        { "PaymentSync", "timerTrigger", null, null, "%Payments:ChainSyncSchedule%", null },
        { "PaymentStuck", "timerTrigger", null, null, "%Payments:StuckDetectionSchedule%", null },
        { "PurgeHistory", "timerTrigger", null, null, "%PurgeHistorySchedule%", null },
        { "PaymentLifecycle", "orchestrationTrigger", null, null, null, null },
        { "HelloSequence", "orchestrationTrigger", null, null, null, null },
        { "HelloCities", "orchestrationTrigger", null, null, null, null },
        { "AwaitApproval", "orchestrationTrigger", null, null, null, null },
        { "FailingStep", "orchestrationTrigger", null, null, null, null },
        { "HelloParent", "orchestrationTrigger", null, null, null, null },
        { "RuleSchedule", "orchestrationTrigger", null, null, null, null },
        { "RuleExecution", "orchestrationTrigger", null, null, null, null },
        { "LoadRule", "activityTrigger", null, null, null, null },
        { "PrepareExecution", "activityTrigger", null, null, null, null },
        { "CheckApprovals", "activityTrigger", null, null, null, null },
        { "ReserveLimits", "activityTrigger", null, null, null, null },
        { "SendRuleTransfer", "activityTrigger", null, null, null, null },
        { "SimulateExecution", "activityTrigger", null, null, null, null },
        { "FinishExecution", "activityTrigger", null, null, null, null },
        { "RecordProgress", "activityTrigger", null, null, null, null },
        { "ExpireUnfundedPayment", "activityTrigger", null, null, null, null },
        { "WithdrawToBridge", "activityTrigger", null, null, null, null },
        { "AwaitJunoTransaction", "activityTrigger", null, null, null, null },
        { "FundEscrow", "activityTrigger", null, null, null, null },
        { "ActOnEscrow", "activityTrigger", null, null, null, null },
        { "AwaitPlatformCredit", "activityTrigger", null, null, null, null },
        { "ReturnToJuno", "activityTrigger", null, null, null, null },
        { "RequestPayout", "activityTrigger", null, null, null, null },
        { "FindRefundAccount", "activityTrigger", null, null, null, null },
        { "CountApprovals", "activityTrigger", null, null, null, null },
        { "SayHello", "activityTrigger", null, null, null, null },
        { "MaybeFail", "activityTrigger", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_function_has_its_trigger_route_methods_schedule_and_auth_level(
        string name, string trigger, string? route, string? methods, string? schedule, string? authLevel)
    {
        var function = Assert.Single(Built, f => f.Name == name);

        Assert.Equal(trigger, function.TriggerType);
        Assert.Equal(route, function.Route);
        Assert.Equal(methods is null ? [] : methods.Split(','), function.Methods);
        Assert.Equal(schedule, function.Schedule);
        Assert.Equal(authLevel, function.AuthLevel);
    }

    [Fact]
    public void Nothing_else_is_declared()
    {
        var expected = Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Built.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Functions_that_start_or_signal_orchestrations_bind_a_durable_client()
    {
        var withoutClient = Built.Where(f => f.TriggerType is "httpTrigger" or "timerTrigger" && !f.InputTypes.Contains("durableClient")).Select(f => f.Name);

        // Only the ledger and the automation status read nothing of the task hub.
        Assert.Equal(["GetPaymentLedger", "PaymentAutomationStatus"], withoutClient.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_extension_bundle_holds_the_Durable_Task_extension()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildOutput.FunctionsOutput, "extensions.json")));
        var durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.DurableTask,", durable.GetProperty("typeName").GetString());

        var hintPath = durable.GetProperty("hintPath").GetString()!;
        Assert.StartsWith("./.azurefunctions/", hintPath);
        var assembly = AssemblyName.GetAssemblyName(Path.GetFullPath(Path.Combine(BuildOutput.FunctionsOutput, hintPath)));
        Assert.Equal("Microsoft.Azure.WebJobs.Extensions.DurableTask", assembly.Name);
        Assert.Equal(3, assembly.Version!.Major); // Durable Functions 3.x, which the isolated worker's extension 1.x pairs with

        // The bundle also carries DTFx's Azure Storage provider, which host.json's storageProvider names.
        Assert.True(File.Exists(Path.Combine(BuildOutput.FunctionsOutput, ".azurefunctions", "DurableTask.AzureStorage.dll")));
    }

    [Fact]
    public void Host_json_keeps_the_task_hub_on_Azure_Storage()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildOutput.FunctionsOutput, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("PaymentFunctions", durable.GetProperty("hubName").GetString());
        Assert.Equal("azureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.True(durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
    }

    [Fact]
    public void The_sample_settings_give_every_schedule_a_value_and_point_at_Azurite()
    {
        var settings = BuildOutput.SampleSettings();

        Assert.Equal("UseDevelopmentStorage=true", settings["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        foreach (var schedule in Built.Where(f => f.Schedule is not null).Select(f => f.Schedule!.Trim('%')))
        {
            Assert.Equal(6, settings[schedule].Split(' ').Length);
        }
    }
}
