using Microsoft.DurableTask;
using PaymentFunctions.Rules.Approvals;
using PaymentFunctions.Rules.Execution.Activities;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;

namespace PaymentFunctions.Rules.Execution;

/// <summary>
/// One execution of a rule (instance id = the execution id): validate and record the pre-execution state; for a
/// simulation estimate and stop; otherwise wait for approvals (an event, raced against the approval timeout that
/// expires it), reserve the safety limits, send each transfer and wait for its confirmations, and record the
/// post-execution state. A transfer that fails for good stops the rest; the ones already sent are recorded as
/// needing reversal, and the unsent ones are given back to the limits.
/// </summary>
[DurableTask(Name)]
public sealed class RuleExecution : TaskOrchestrator<ExecutionRequest, ExecutionOutcome>
{
    public const string Name = nameof(RuleExecution);

    public override async Task<ExecutionOutcome> RunAsync(TaskOrchestrationContext context, ExecutionRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(Math.Max(1, input.Policy.TransferAttempts), TimeSpan.FromSeconds(1), backoffCoefficient: 2.0)
        {
            HandleFailure = static failure => failure.ErrorType != typeof(TransferRevertedException).FullName,
        });

        var prepared = await context.CallActivityAsync<PreparedExecution>(nameof(PrepareExecution), input, retry);
        if (!prepared.Proceed || prepared.Plan is null || prepared.Requirement is null)
        {
            return await Finish(context, input, ExecutionStatus.Refused, prepared.Reason ?? "Refused.", null, [], null, prepared.Plan);
        }

        var plan = prepared.Plan;
        if (input.Mode == ExecutionMode.Simulation)
        {
            var estimate = await context.CallActivityAsync<GasEstimate>(nameof(SimulateExecution), new SimulationStep(input.ExecutionId, plan.Transfers), retry);
            return await Finish(context, input, ExecutionStatus.Simulated, "Simulation: validated and estimated; nothing was signed or sent.", null, [], estimate, plan);
        }

        var approvals = await AwaitApprovalsAsync(context, input, prepared.Requirement);
        if (approvals.State != ApprovalState.Complete)
        {
            var status = approvals.State == ApprovalState.Rejected ? ExecutionStatus.Rejected : ExecutionStatus.Expired;
            var why = string.Join(" ", approvals.Missing.Select(m => m.Message));
            return await Finish(context, input, status, status == ExecutionStatus.Expired ? $"Approvals expired: {why}" : why, null, [], null, plan);
        }

        var safety = await context.CallActivityAsync<SafetyDecision>(nameof(ReserveLimits), new SpendRequest(input.ExecutionId, input.RuleId, plan.Transfers), retry);
        if (!safety.Allowed)
        {
            return await Finish(context, input, ExecutionStatus.Refused, $"Refused by {safety.Limit}: {safety.Detail}", safety.Limit, [], null, plan);
        }

        var sent = new List<SentTransfer>(plan.Transfers.Count);
        foreach (var transfer in plan.Transfers)
        {
            try
            {
                sent.Add(await context.CallActivityAsync<SentTransfer>(nameof(SendRuleTransfer), new TransferStep(input.ExecutionId, transfer, prepared.ConfirmationBlocks), retry));
            }
            catch (TaskFailedException ex)
            {
                var reason = sent.Count == 0
                    ? $"Transfer {transfer.Index} failed, nothing was sent: {ex.FailureDetails.ErrorMessage}"
                    : $"Transfer {transfer.Index} failed after {sent.Count} were sent ({string.Join(", ", sent.Select(s => s.TransactionHash))}); those need reversal by their recipients: {ex.FailureDetails.ErrorMessage}";
                return await Finish(context, input, sent.Count == 0 ? ExecutionStatus.Failed : ExecutionStatus.CompensationRequired, reason, null, sent, null, plan);
            }
        }

        return await Finish(context, input, ExecutionStatus.Completed, $"Sent {sent.Count} transfer(s), {plan.Total} MXNB.", null, sent, null, plan);
    }

    private static async Task<ApprovalCheck> AwaitApprovalsAsync(TaskOrchestrationContext context, ExecutionRequest input, ApprovalRequirement requirement)
    {
        var deadline = context.CurrentUtcDateTime + input.Policy.ApprovalTimeout;
        var check = await context.CallActivityAsync<ApprovalCheck>(nameof(CheckApprovals), new ApprovalQuery(input.ExecutionId, requirement));
        while (check.State == ApprovalState.Pending && context.CurrentUtcDateTime < deadline)
        {
            using var cancel = new CancellationTokenSource();
            var decided = context.WaitForExternalEvent<string>(RuleEvents.ApprovalDecided, cancel.Token);
            var expired = context.CreateTimer(deadline, cancel.Token);
            var winner = await Task.WhenAny(decided, expired);
            cancel.Cancel();
            check = await context.CallActivityAsync<ApprovalCheck>(nameof(CheckApprovals), new ApprovalQuery(input.ExecutionId, requirement));
            if (winner == expired)
            {
                break;
            }
        }

        return check;
    }

    private static Task<ExecutionOutcome> Finish(
        TaskOrchestrationContext context, ExecutionRequest input, ExecutionStatus status, string reason, string? limit, IReadOnlyList<SentTransfer> sent, GasEstimate? estimate, ExecutionPlan? plan) =>
        context.CallActivityAsync<ExecutionOutcome>(nameof(FinishExecution), new ExecutionFinish(input, status, reason, limit, sent, estimate, plan));
}
