namespace PaymentFunctions.Rules.Execution;

/// <summary>The external events rule orchestrations wait for; the API raises them.</summary>
public static class RuleEvents
{
    /// <summary>An approval or rejection was recorded on an execution (payload: the approver's name).</summary>
    public const string ApprovalDecided = nameof(ApprovalDecided);

    /// <summary>A rule was edited, paused, resumed or deleted; its schedule re-reads it (payload: the new status).</summary>
    public const string RuleChanged = nameof(RuleChanged);
}
