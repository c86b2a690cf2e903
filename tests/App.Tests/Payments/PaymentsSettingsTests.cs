using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Payments;
using PaymentFunctions.Payments.Lifecycle;

namespace PaymentFunctions.App.Tests.Payments;

/// <summary>The repository's settings sample covers the payment settings and binds to their documented defaults.</summary>
public sealed class PaymentsSettingsTests
{
    private static readonly string Root = FunctionsHost.FindScriptRoot(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("No host.json above the test output.");

    [Theory]
    [InlineData("ConnectionStrings:Payments")]
    [InlineData("Chain:RpcUrl")]
    [InlineData("Chain:TokenAddress")]
    [InlineData("Chain:EscrowAddress")]
    [InlineData("Chain:PlatformDepositAddress")]
    [InlineData("Chain:KeyVaultUri")]
    [InlineData("Chain:BridgeKeyName")]
    [InlineData("Juno:BaseAddress")]
    [InlineData("Juno:ApiKey")]
    [InlineData("Juno:ApiSecret")]
    [InlineData("Payments:DoubleApprovalThresholdMxn")]
    [InlineData("Payments:StuckAfter")]
    [InlineData("Payments:DepositDetectionSchedule")]
    [InlineData("Payments:CustodyReportSchedule")]
    [InlineData("Payments:ChainSyncSchedule")]
    [InlineData("Payments:StuckDetectionSchedule")]
    [InlineData("Payments:JunoWebhookSecret")]
    [InlineData("Payments:Lifecycle:StepAttempts")]
    public void Every_payment_setting_has_a_sample(string name)
    {
        Assert.NotNull(Sample()[name]);
    }

    [Fact]
    public void The_sample_binds_to_the_documented_defaults_and_leaves_payments_off()
    {
        var configuration = Sample();

        var options = configuration.GetSection(PaymentsOptions.SectionName).Get<PaymentsOptions>()!;

        var defaults = new PaymentsOptions();
        Assert.Equal(defaults.DoubleApprovalThresholdMxn, options.DoubleApprovalThresholdMxn);
        Assert.Equal(defaults.StuckAfter, options.StuckAfter);
        Assert.Equal(defaults.DepositDetectionSchedule, options.DepositDetectionSchedule);
        Assert.Equal(defaults.CustodyReportSchedule, options.CustodyReportSchedule);
        Assert.Equal(defaults.ChainSyncSchedule, options.ChainSyncSchedule);
        Assert.Equal(defaults.StuckDetectionSchedule, options.StuckDetectionSchedule);
        Assert.Equal(new LifecyclePolicy(), options.Lifecycle);
        Assert.All(options.Approvers.Values, key => Assert.Equal("", key));
        Assert.Equal("", configuration["Chain:RpcUrl"]);
    }

    internal static IConfiguration Sample()
    {
        var scriptRoot = Directory.CreateTempSubdirectory("payments-settings-");
        try
        {
            File.Copy(Path.Combine(Root, "local.settings.sample.json"), Path.Combine(scriptRoot.FullName, "local.settings.json"));
            var builder = WebApplication.CreateBuilder([$"--{FunctionsHost.ScriptRootSetting}={scriptRoot.FullName}"]);
            builder.AddFunctionsHost();
            return new ConfigurationBuilder().AddInMemoryCollection(builder.Configuration.AsEnumerable()).Build();
        }
        finally
        {
            scriptRoot.Delete(recursive: true);
        }
    }
}
