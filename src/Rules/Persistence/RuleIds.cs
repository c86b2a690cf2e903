using System.Security.Cryptography;
using System.Text;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>Rule and execution ids. Execution ids derive from the orchestration (never random inside it).</summary>
public static class RuleIds
{
    public const string RulePrefix = "rule_";
    public const string ExecutionPrefix = "exec_";

    public static string NewRuleId() => RulePrefix + Guid.NewGuid().ToString("N");

    public static string ExecutionId(Guid id) => ExecutionPrefix + id.ToString("N");

    /// <summary>
    /// The execution a client's idempotency key names: the same rule, requester and key always give the same id, so
    /// a retried request finds the execution it started instead of starting another.
    /// </summary>
    public static string ExecutionIdFor(string ruleId, string requester, string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}\n{requester}\n{idempotencyKey}"));
        return ExecutionPrefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>Ids in routes are checked before any lookup: letters, digits and underscores, at most 60.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 5 and <= 60 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
