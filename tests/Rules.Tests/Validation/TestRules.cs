using System.Text.Json.Nodes;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

/// <summary>Valid rule bodies of each type, to break one field at a time, and a security context that accepts them.</summary>
public static class TestRules
{
    public const string Source = "0x1111111111111111111111111111111111111111";
    public const string Contractor = "0x2222222222222222222222222222222222222222";
    public const string Operations = "0x3333333333333333333333333333333333333333";
    public const string Savings = "0x4444444444444444444444444444444444444444";

    public static readonly DateTimeOffset Now = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject ContractorPayment() => new()
    {
        ["type"] = "contractor_payment",
        ["name"] = "Pay Ana monthly",
        ["source_account"] = Source,
        ["recipient"] = new JsonObject { ["address"] = Contractor, ["name"] = "Ana" },
        ["amount"] = new JsonObject { ["value"] = 1500.50m, ["currency"] = "MXNB" },
        ["schedule"] = new JsonObject { ["frequency"] = "monthly", ["day"] = 15 },
        ["conditions"] = new JsonArray(new JsonObject { ["type"] = "amount_threshold", ["max"] = 5000 }),
    };

    public static JsonObject RevenueAllocation() => new()
    {
        ["type"] = "revenue_allocation",
        ["name"] = "Split revenue 60/40",
        ["source_account"] = Source,
        ["allocations"] = new JsonArray(
            new JsonObject { ["target"] = Operations, ["percentage"] = 60, ["name"] = "operations" },
            new JsonObject { ["target"] = Savings, ["percentage"] = 40, ["name"] = "savings" }),
        ["trigger"] = new JsonObject { ["type"] = "schedule", ["schedule"] = new JsonObject { ["frequency"] = "weekly", ["day"] = "friday" } },
        ["minimum_amount"] = 100,
    };

    public static JsonObject ProfitDistribution() => new()
    {
        ["type"] = "profit_distribution",
        ["name"] = "Quarterly profit",
        ["source_account"] = Source,
        ["profit_threshold"] = 10000,
        ["distribution_rules"] = new JsonArray(
            new JsonObject { ["target"] = Operations, ["percentage"] = 50, ["name"] = "partner a" },
            new JsonObject { ["target"] = Savings, ["percentage"] = 50, ["name"] = "partner b" }),
        ["calculation_period"] = "quarterly",
        ["stakeholders"] = new JsonArray("alice", "bob"),
    };

    public static SecurityContext Security(SafetyLimits? limits = null, IReadOnlyList<decimal>? history = null) => new(
        new Dictionary<string, DateTimeOffset>
        {
            [Contractor] = Now.AddDays(-30),
            [Operations] = Now.AddDays(-30),
            [Savings] = Now.AddDays(-30),
        },
        [Source],
        history ?? [],
        Now,
        limits ?? new SafetyLimits());
}
