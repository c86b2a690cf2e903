using Microsoft.DurableTask;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.Rules.Execution.Activities;

/// <summary>Reads the rule for its schedule; a rule that is gone reads as deleted.</summary>
public sealed class LoadRule(RuleStore store) : TaskActivity<string, RuleSnapshot>
{
    public override async Task<RuleSnapshot> RunAsync(TaskActivityContext context, string input)
    {
        var rule = await store.FindRuleAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (rule is null)
        {
            return new RuleSnapshot(RuleStatus.Deleted, "", 0, null);
        }

        var definition = StructuralValidator.Validate(rule.DefinitionJson).Definition;
        return new RuleSnapshot(rule.Status, rule.CreatedBy, rule.Revision, definition?.EffectiveSchedule);
    }
}
