using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Execution;

/// <summary>The input of <see cref="RuleExecution"/>: which rule, under which id (also the instance id), how, and who asked.</summary>
public sealed record ExecutionRequest(string ExecutionId, string RuleId, ExecutionMode Mode, string RequestedBy, ExecutionPolicy Policy);
