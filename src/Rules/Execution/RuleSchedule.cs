using Microsoft.DurableTask;
using PaymentFunctions.Rules.Definitions;
using PaymentFunctions.Rules.Execution.Activities;
using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// One active rule, as an eternal orchestration (<c>rule-{id}</c>): read the rule, wait on a durable timer for its next
/// due time (raced against <see cref="RuleEvents.RuleChanged"/>, so pausing, resuming, editing and deleting take
/// effect while it waits), run the execution as a sub-orchestration, and <c>ContinueAsNew</c> so the history stays short.
/// </summary>
[DurableTask(Name)]
public sealed class RuleSchedule : TaskOrchestrator<RuleScheduleState, string>
{
    public const string Name = nameof(RuleSchedule);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, RuleScheduleState input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var rule = await context.CallActivityAsync<RuleSnapshot>(nameof(LoadRule), input.RuleId);
        if (rule.Status == RuleStatus.Deleted)
        {
            return "deleted";
        }

        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var due = rule.Status == RuleStatus.Active && rule.Schedule is { } schedule ? ScheduleCalculator.NextAfter(schedule, input.LastDue ?? now) : null;
        context.SetCustomStatus(new { rule = input.RuleId, status = rule.Status.ToString(), revision = rule.Revision, next_due = due });

        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<string>(RuleEvents.RuleChanged, cancel.Token);
        if (due is null)
        {
            // Paused, or a one-off already run: nothing is due until the rule changes.
            await changed;
            context.ContinueAsNew(input);
            return "changed";
        }

        var timer = context.CreateTimer(due.Value.UtcDateTime, cancel.Token);
        var winner = await Task.WhenAny(changed, timer);
        cancel.Cancel();
        if (winner == changed)
        {
            context.ContinueAsNew(input);
            return "changed";
        }

        var executionId = RuleIds.ExecutionId(context.NewGuid());
        await context.CallSubOrchestratorAsync<ExecutionOutcome>(
            RuleExecution.Name,
            new ExecutionRequest(executionId, input.RuleId, input.Mode, rule.CreatedBy, input.Policy),
            new SubOrchestrationOptions { InstanceId = executionId });
        context.ContinueAsNew(input with { LastDue = due });
        return "executed";
    }
}
