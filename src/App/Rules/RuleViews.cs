using System.Text.Json;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.App.Rules;

/// <summary>A rule as the API shows it: its stored JSON definition, status and revision.</summary>
public sealed record RuleView(string Id, string Name, string Type, string Status, int Revision, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JsonElement Definition, string Orchestration);

/// <summary>An execution: mode, status, who asked, the total, the decisions so far and the recorded states.</summary>
public sealed record ExecutionView(
    string Id, string RuleId, string Mode, string Status, string RequestedBy, DateTimeOffset RequestedAt, decimal Total, string? Reason,
    IReadOnlyList<DecisionView> Decisions, JsonElement? PreState, JsonElement? PostState, DateTimeOffset? CompletedAt);

/// <summary>One approver's decision.</summary>
public sealed record DecisionView(string Approver, bool Approved, DateTimeOffset At);

/// <summary>One line of a rule's history; <see cref="Limit"/> names the safety limit of a refusal.</summary>
public sealed record HistoryView(DateTimeOffset At, string Kind, string? ExecutionId, string? Limit, string Detail);

/// <summary>A rule's history and its executions.</summary>
public sealed record RuleHistoryView(string RuleId, IReadOnlyList<HistoryView> History, IReadOnlyList<ExecutionView> Executions);

/// <summary>One audit entry with its place in the hash chain.</summary>
public sealed record AuditEntryView(long Sequence, string RuleId, string? ExecutionId, DateTimeOffset At, string UserId, string Kind, string PreState, string Details, string PostState, string PreviousHash, string Hash);

/// <summary>One validation problem: its layer, JSON path and message.</summary>
public sealed record RuleProblemView(string Layer, string Path, string Message);

/// <summary>The body of <c>execute</c> (all optional): the mode, and for mainnet the rule id typed again as a second confirmation.</summary>
public sealed record ExecuteRuleRequest(string? Mode = null, string? Confirmation = null);

/// <summary>What starting an execution answers: its id and where to follow it.</summary>
public sealed record ExecutionStarted(string ExecutionId, string Mode, string Location);

/// <summary>What a decision answers.</summary>
public sealed record DecisionResponse(string ExecutionId, string Approver, bool Approved);

internal static class RuleViews
{
    public static RuleView From(StoredRule rule) => new(
        rule.Id, rule.Name, rule.Type, rule.Status.ToString(), rule.Revision, rule.CreatedBy, rule.CreatedAt, rule.UpdatedAt,
        JsonSerializer.Deserialize<JsonElement>(rule.DefinitionJson), PaymentFunctions.Rules.Execution.RuleScheduleState.InstanceIdFor(rule.Id));

    public static ExecutionView From(StoredExecution execution, IReadOnlyList<StoredApproval> decisions) => new(
        execution.Id, execution.RuleId, execution.Mode.ToString(), execution.Status.ToString(), execution.RequestedBy, execution.RequestedAt,
        execution.Total, execution.Reason, [.. decisions.Select(d => new DecisionView(d.Approver, d.Approved, d.At))],
        Json(execution.PreState), Json(execution.PostState), execution.CompletedAt);

    public static HistoryView From(HistoryEntry entry) => new(entry.At, entry.Kind, entry.ExecutionId, entry.Limit, entry.Detail);

    public static AuditEntryView From(AuditEntry a) => new(a.Sequence, a.RuleId, a.ExecutionId, a.At, a.UserId, a.Kind, a.PreState, a.Details, a.PostState, a.PreviousHash, a.Hash);

    public static RuleProblemView From(RuleProblem problem) => new(JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.Layer.ToString()), problem.Path, problem.Message);

    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}
