using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Tests.Validation;

public sealed class AuthorizationValidatorTests
{
    private static readonly string[] Allowed = ["alice", "bob", "carol"];

    [Fact]
    public void Only_allowed_requesters_pass()
    {
        Assert.Empty(AuthorizationValidator.Validate("alice", Allowed, null));
        Assert.Equal(ValidationLayer.Authorization, Assert.Single(AuthorizationValidator.Validate("mallory", Allowed, null)).Layer);
        Assert.Single(AuthorizationValidator.Validate(null, Allowed, null));
    }

    [Fact]
    public void The_requesters_own_approval_does_not_count()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ContractorPayment());
        var requirement = ApprovalPolicy.For(rule, "alice", 1500m, new SafetyLimits());

        Assert.Equal(ApprovalState.Pending, ApprovalPolicy.Evaluate(requirement, [Approve("alice")]).State);
        Assert.Equal(ApprovalState.Complete, ApprovalPolicy.Evaluate(requirement, [Approve("alice"), Approve("bob")]).State);
        Assert.Single(AuthorizationValidator.Validate("alice", Allowed, (requirement, [Approve("alice")])));
    }

    [Fact]
    public void A_large_amount_needs_two_different_approvers()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ContractorPayment());
        var requirement = ApprovalPolicy.For(rule, "alice", 100_000m, new SafetyLimits());

        Assert.Equal(ApprovalState.Pending, ApprovalPolicy.Evaluate(requirement, [Approve("bob"), Approve("bob")]).State);
        Assert.Equal(ApprovalState.Complete, ApprovalPolicy.Evaluate(requirement, [Approve("bob"), Approve("carol")]).State);
    }

    [Fact]
    public void Profit_distribution_needs_every_stakeholder_and_a_rejection_ends_it()
    {
        var rule = BusinessLogicValidatorTests.Parse(TestRules.ProfitDistribution());
        var requirement = ApprovalPolicy.For(rule, "carol", 5000m, new SafetyLimits());

        var (state, missing) = ApprovalPolicy.Evaluate(requirement, [Approve("alice")]);
        Assert.Equal(ApprovalState.Pending, state);
        Assert.Equal("$.stakeholders[1]", Assert.Single(missing).Path);
        Assert.Equal(ApprovalState.Complete, ApprovalPolicy.Evaluate(requirement, [Approve("alice"), Approve("bob")]).State);
        Assert.Equal(ApprovalState.Rejected, ApprovalPolicy.Evaluate(requirement, [Approve("alice"), new ApprovalDecision("bob", false, TestRules.Now)]).State);
    }

    [Fact]
    public void An_approval_gate_needs_its_group()
    {
        var json = TestRules.ContractorPayment();
        json["conditions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "approval_gate", ["required"] = 2, ["group"] = new System.Text.Json.Nodes.JsonArray("bob", "carol", "dave"),
        });
        var requirement = ApprovalPolicy.For(BusinessLogicValidatorTests.Parse(json), "alice", 10m, new SafetyLimits());

        var (state, missing) = ApprovalPolicy.Evaluate(requirement, [Approve("bob"), Approve("erin")]);
        Assert.Equal(ApprovalState.Pending, state);
        Assert.Equal("$.conditions[0]", Assert.Single(missing).Path);
        Assert.Equal(ApprovalState.Complete, ApprovalPolicy.Evaluate(requirement, [Approve("bob"), Approve("dave")]).State);
    }

    private static ApprovalDecision Approve(string who) => new(who, true, TestRules.Now);
}
