using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PaymentFunctions.Rules;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.App.Tests.Rules;

/// <summary>The settings sample carries every rule setting, and it binds to the defaults the issue gives.</summary>
public sealed class RulesSettingsTests
{
    [Fact]
    public void The_sample_names_every_safety_limit_and_binds_to_the_defaults()
    {
        var sample = Payments.PaymentsSettingsTests.Sample();
        var limits = sample.GetSection(SafetyLimits.SectionName).Get<SafetyLimits>()!;
        var options = sample.GetSection(RulesOptions.SectionName).Get<RulesOptions>()!;

        foreach (var property in typeof(SafetyLimits).GetProperties())
        {
            Assert.NotNull(sample[$"{SafetyLimits.SectionName}:{property.Name}"]);
        }

        Assert.Equal(JsonSerializer.Serialize(new SafetyLimits()), JsonSerializer.Serialize(limits));
        Assert.Equal(1_000_000m, limits.SinglePaymentMax);
        Assert.Equal(5_000_000m, limits.DailyTotalMax);
        Assert.Equal(100_000m, limits.RecipientDailyMax);
        Assert.Equal(24, limits.NewRecipientDelayHours);
        Assert.False(options.MainnetEnabled);
        Assert.Equal(new RulesOptions().ApprovalTimeout, options.ApprovalTimeout);
    }
}
