using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Metrics;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>
/// Validates an execution against everything that holds now (all five layers but the approvals, which come later),
/// reads the balances, plans the transfers, evaluates and records the conditions, and stores that as the
/// pre-execution state. Running twice records the same execution once.
/// </summary>
public sealed class PrepareExecution(RuleStore store, RuleChain chain, IOptions<RulesOptions> options, IOptions<SafetyLimits> limits, RuleMetrics metrics)
    : TaskActivity<ExecutionRequest, PreparedExecution>
{
    public override async Task<PreparedExecution> RunAsync(TaskActivityContext context, ExecutionRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var rule = await store.FindRuleAsync(input.RuleId, ct).ConfigureAwait(false);
        var execution = await store.RecordRequestAsync(input.ExecutionId, input.RuleId, rule?.Revision ?? 0, input.Mode, input.RequestedBy, ct).ConfigureAwait(false);
        if (execution.PreState is not null)
        {
            // A retry after the state was recorded: the plan stands as recorded.
            using var recorded = JsonDocument.Parse(execution.PreState);
            return recorded.RootElement.GetProperty("prepared").Deserialize<PreparedExecution>(StateJson.Options)!;
        }

        if (rule is null || StructuralValidator.Validate(rule.DefinitionJson).Definition is not { } definition)
        {
            return new PreparedExecution(false, "The rule does not exist, was deleted, or no longer parses.", null, [], null, 0);
        }

        if (rule.Status == RuleStatus.Paused && input.Mode != ExecutionMode.Simulation)
        {
            return new PreparedExecution(false, "The rule is paused.", null, [], null, 0);
        }

        var settings = options.Value;
        var balance = await chain.BalanceAsync(definition.SourceAccount, ct).ConfigureAwait(false);
        var plan = TransferPlanner.Plan(definition, balance);
        var security = new SecurityContext(
            settings.NormalizedWhitelist(),
            [await chain.SourceAddressAsync(ct).ConfigureAwait(false)],
            await store.ExecutedTotalsAsync(input.RuleId, ct).ConfigureAwait(false),
            store.Now,
            limits.Value);
        var problems = RuleValidator.ValidateExecution(definition, plan, security, input.RequestedBy, settings.AllowedRequesters(input.RequestedBy)).ToList();
        if (input.Mode == ExecutionMode.Mainnet && !settings.MainnetEnabled)
        {
            problems.Add(new RuleProblem(ValidationLayer.Authorization, "$", "Mainnet executions are not enabled (Rules:MainnetEnabled)."));
        }

        var conditions = ConditionEvaluator.Evaluate(definition, new ConditionInputs(store.Now, plan, [], input.RequestedBy));
        var unmet = conditions.Where(c => !c.Met && c.Kind != "approval_gate").ToList();
        var requirement = ApprovalPolicy.For(definition, input.RequestedBy, plan.Total, limits.Value);
        var reason = problems.Count > 0 ? "Validation: " + string.Join(" ", problems.Select(p => $"{p.Layer} {p.Path}: {p.Message}"))
            : unmet.Count > 0 ? "Conditions not met: " + string.Join("; ", unmet.Select(c => $"{c.Path} {c.Kind} ({c.Detail})"))
            : null;
        var prepared = new PreparedExecution(reason is null, reason, plan, conditions, requirement, definition.ConfirmationBlocks);

        var balances = new Dictionary<string, decimal> { [definition.SourceAccount] = balance };
        foreach (var target in definition.Targets.Distinct(StringComparer.Ordinal))
        {
            balances[target] = await chain.BalanceAsync(target, ct).ConfigureAwait(false);
        }

        var preState = JsonSerializer.Serialize(new { rule_revision = rule.Revision, balances, validation = problems, conditions, plan, prepared }, StateJson.Options);
        var waiting = reason is null && input.Mode != ExecutionMode.Simulation;
        await store.UpdateExecutionAsync(input.ExecutionId, waiting ? ExecutionStatus.AwaitingApproval : ExecutionStatus.Validating, preState, null, reason, plan.Total, ct).ConfigureAwait(false);
        if (waiting)
        {
            metrics.AwaitingApproval(1);
        }

        return prepared;
    }
}
