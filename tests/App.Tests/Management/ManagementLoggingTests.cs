using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaymentFunctions.App.Samples;

namespace PaymentFunctions.App.Tests.Management;

public sealed class ManagementLoggingTests
{
    [Fact]
    public async Task Operations_are_logged_as_structured_entries_carrying_the_instance_id()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new AppFactory { ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        app.Settings["Logging:LogLevel:Default"] = "Information";
        await ((IAsyncLifetime)app).InitializeAsync();
        var admin = app.CreateAdminClient();
        var id = $"logged-{Guid.NewGuid():N}";

        var started = await (await admin.StartAsync(SampleOrchestrations.AwaitApproval, id)).ReadJsonAsync();
        await app.CreateClient().WaitForStatusAtAsync(started.GetProperty("statusQueryGetUri").GetString()!, "Running");
        await admin.PostEmptyAsync($"{ApiClient.Prefix}/instances/{id}/terminate?reason=done");
        await admin.WaitForStatusAsync(id, "Terminated");

        Assert.Contains(logs.Entries, e => e.Message.Contains("Started AwaitApproval", StringComparison.Ordinal) && Equals(e.Values.GetValueOrDefault("InstanceId"), id));
        var terminate = Assert.Single(logs.Entries, e => e.Message.StartsWith("Sent terminate", StringComparison.Ordinal));
        Assert.Equal(id, terminate.Values["InstanceId"]);
        Assert.Equal("terminate", terminate.Values["Operation"]);
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(AppFactory.AdminKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(AppFactory.DurableTaskKey, StringComparison.Ordinal));
    }
}
