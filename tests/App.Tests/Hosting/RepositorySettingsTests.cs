using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.DurableTask.Hosting.Configuration;

namespace PaymentFunctions.App.Tests.Hosting;

/// <summary>The repository's own <c>host.json</c> and settings sample, as a developer gets them.</summary>
public sealed class RepositorySettingsTests
{
    private static readonly string Root = FunctionsHost.FindScriptRoot(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("No host.json above the test output.");

    [Theory]
    [InlineData("DurableStoreConnection")]
    [InlineData("Keys:Function")]
    [InlineData("Keys:Admin")]
    [InlineData("Keys:DurableTask")]
    [InlineData("TimerTriggers:LeaseDuration")]
    [InlineData("PurgeHistorySchedule")]
    [InlineData("PurgeHistoryRetentionDays")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL")]
    public void Every_setting_the_app_reads_has_a_sample(string name)
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "local.settings.sample.json")));

        Assert.True(sample.RootElement.GetProperty("Values").TryGetProperty(name, out _));
    }

    [Fact]
    public void The_sample_and_host_json_configure_the_engine_as_documented()
    {
        var scriptRoot = Directory.CreateTempSubdirectory("repo-settings-");
        try
        {
            File.Copy(Path.Combine(Root, "host.json"), Path.Combine(scriptRoot.FullName, "host.json"));
            File.Copy(Path.Combine(Root, "local.settings.sample.json"), Path.Combine(scriptRoot.FullName, "local.settings.json"));
            var builder = WebApplication.CreateBuilder([$"--{FunctionsHost.ScriptRootSetting}={scriptRoot.FullName}"]);
            builder.AddFunctionsHost();

            var host = builder.Configuration.GetSection(DurableTaskExtensionOptions.SectionPath).Get<DurableTaskExtensionOptions>()!;

            Assert.Equal("PaymentFunctions", host.HubName);
            Assert.Null(host.StorageProvider.ConnectionStringName);
            Assert.Equal("DurableStoreConnection", host.StorageProvider.EffectiveConnectionStringName);
            Assert.Equal(StorageProviderOptions.Postgres, host.StorageProvider.Type);
            Assert.Equal(TimeSpan.FromSeconds(30), host.StorageProvider.LockTimeout);
            Assert.Equal(16, host.MaxConcurrentOrchestratorFunctions);
            Assert.Equal(16, host.MaxConcurrentActivityFunctions);
            Assert.Equal("", builder.Configuration["DurableStoreConnection"]);
            Assert.Equal(TimeSpan.FromMinutes(5), builder.Configuration.GetValue<TimeSpan>("TimerTriggers:LeaseDuration"));
        }
        finally
        {
            scriptRoot.Delete(recursive: true);
        }
    }
}
