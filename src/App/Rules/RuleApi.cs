using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PaymentFunctions.App.Payments;
using PaymentFunctions.App.Payments.Api;
using PaymentFunctions.Rules;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Persistence;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Validation;

namespace PaymentFunctions.App.Rules;

/// <summary>
/// The payment rules' HTTP handlers. Every call that defines, runs or decides names its person with
/// <c>x-approver-key</c> (the keys of <c>Payments:Approvers</c>), as payment approvals do; the name is recorded.
/// </summary>
internal sealed partial class RuleApi(
    RuleStore store,
    AuditLog audit,
    RuleChain chain,
    DurableTaskClient client,
    IOptions<RulesOptions> options,
    IOptions<SafetyLimits> limits,
    IOptions<PaymentsOptions> payments,
    ILogger<RuleApi> logger)
{
    private const int DefaultListLimit = 50;
    private const int MaxListLimit = 1000;
    private static readonly TimeSpan SimulationWait = TimeSpan.FromSeconds(30);

    /// <summary><c>POST /api/rules</c>: validate through all five layers, store, start the rule's schedule.</summary>
    public async Task<IResult> CreateAsync(HttpContext context)
    {
        var (who, json, refused) = await this.ReadDefinitionAsync(context);
        if (refused is not null)
        {
            return refused;
        }

        var report = await this.ValidateAsync(json!, who!, context.RequestAborted);
        if (!report.IsValid)
        {
            return RuleProblemResults.Invalid(report.Problems);
        }

        var rule = await store.CreateRuleAsync(report.Definition!.Name, TypeName(report.Definition.Type), Normalize(json!), who!, CancellationToken.None);
        await this.EnsureScheduledAsync(rule.Id);
        LogCreated(logger, rule.Id, rule.Type, who!);
        return Results.Created($"/api/rules/{rule.Id}", RuleViews.From(rule));
    }

    public async Task<IResult> GetAsync(HttpContext context, string id) =>
        await this.FindAsync(id, context.RequestAborted) is { } rule ? Results.Ok(RuleViews.From(rule)) : RuleProblemResults.NotFound("rule", id);

    public async Task<IResult> ListAsync(HttpContext context)
    {
        RuleStatus? status = null;
        if (context.Request.Query["status"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<RuleStatus>(text, ignoreCase: true, out var parsed) || parsed == RuleStatus.Deleted)
            {
                return PaymentProblems.Invalid("status", "Use Active or Paused.");
            }

            status = parsed;
        }

        if (ReadLimit(context) is not { } limit)
        {
            return PaymentProblems.Invalid("limit", $"The limit must be a whole number from 1 to {MaxListLimit}.");
        }

        var rules = await store.ListRulesAsync(status, limit, context.RequestAborted);
        return Results.Ok(rules.Select(RuleViews.From).ToList());
    }

    /// <summary><c>PUT /api/rules/{id}</c>: a new definition, validated like a new rule; it applies from the next execution.</summary>
    public async Task<IResult> UpdateAsync(HttpContext context, string id)
    {
        var (who, json, refused) = await this.ReadDefinitionAsync(context);
        if (refused is not null)
        {
            return refused;
        }

        if (await this.FindAsync(id, context.RequestAborted) is null)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        var report = await this.ValidateAsync(json!, who!, context.RequestAborted);
        if (!report.IsValid)
        {
            return RuleProblemResults.Invalid(report.Problems);
        }

        var updated = await store.UpdateRuleAsync(id, report.Definition!.Name, Normalize(json!), who!, CancellationToken.None);
        if (updated is null)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        await this.SignalAsync(id, "updated");
        return Results.Ok(RuleViews.From(updated));
    }

    /// <summary>Pause, resume or delete: stored, then the rule's orchestration is told, even while it waits.</summary>
    public async Task<IResult> SetStatusAsync(HttpContext context, string id, RuleStatus status)
    {
        var (who, denied) = this.Identify(context);
        if (denied is not null)
        {
            return denied;
        }

        if (!RuleIds.IsWellFormed(id))
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        var rule = await store.SetStatusAsync(id, status, who!, CancellationToken.None);
        if (rule is null)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        await this.SignalAsync(id, status.ToString());
        return status == RuleStatus.Deleted ? Results.NoContent() : Results.Ok(RuleViews.From(rule));
    }

    /// <summary><c>POST /api/rules/{id}/simulate</c>: a dry run now; answers with the simulated execution.</summary>
    public async Task<IResult> SimulateAsync(HttpContext context, string id)
    {
        var (who, denied) = this.Identify(context);
        if (denied is not null)
        {
            return denied;
        }

        if (await this.FindAsync(id, context.RequestAborted) is null)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        var executionId = RuleIds.ExecutionId(Guid.NewGuid());
        await this.StartExecutionAsync(executionId, id, ExecutionMode.Simulation, who!);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        wait.CancelAfter(SimulationWait);
        try
        {
            await client.WaitForInstanceCompletionAsync(executionId, getInputsAndOutputs: false, wait.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return Results.Accepted($"/api/rule-executions/{executionId}", new ExecutionStarted(executionId, nameof(ExecutionMode.Simulation), $"/api/rule-executions/{executionId}"));
        }

        return await this.GetExecutionAsync(context, executionId);
    }

    /// <summary><c>POST /api/rules/{id}/execute</c>: starts one execution now, subject to every check; 202 with where to follow it.</summary>
    public async Task<IResult> ExecuteAsync(HttpContext context, string id)
    {
        var (who, denied) = this.Identify(context);
        if (denied is not null)
        {
            return denied;
        }

        var (request, problem) = await JsonRequest.ReadAsync(context, whenEmpty: new ExecuteRuleRequest());
        if (problem is not null)
        {
            return problem;
        }

        ExecutionMode mode;
        if (request!.Mode is null)
        {
            mode = ExecutionMode.Testnet;
        }
        else if (!Enum.TryParse(request.Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode))
        {
            return PaymentProblems.Invalid("mode", "The mode must be simulation, testnet or mainnet.");
        }

        var idempotencyKey = context.Request.Headers[PaymentApi.IdempotencyKeyHeader].FirstOrDefault()?.Trim();
        if (idempotencyKey is { Length: 0 or > PaymentApi.MaxHeaderValueLength })
        {
            return PaymentProblems.Invalid(PaymentApi.IdempotencyKeyHeader, $"The idempotency key must be 1 to {PaymentApi.MaxHeaderValueLength} characters.");
        }

        if (await this.FindAsync(id, context.RequestAborted) is not { } rule)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        if (mode == ExecutionMode.Mainnet)
        {
            if (!options.Value.MainnetEnabled)
            {
                return RuleProblemResults.Forbidden("Mainnet is not enabled.", "Mainnet executions are refused unless Rules:MainnetEnabled is set.");
            }

            if (!string.Equals(request.Confirmation, rule.Id, StringComparison.Ordinal))
            {
                return PaymentProblems.Invalid("confirmation", "A mainnet execution needs a second confirmation: repeat the rule's id in 'confirmation'.");
            }
        }

        // Recorded before it starts, so its location answers at once; a retry with the same key finds the first
        // request's record (the key names the rule and the requester too) and starts it only if a crash kept it from starting.
        var executionId = idempotencyKey is null ? RuleIds.ExecutionId(Guid.NewGuid()) : RuleIds.ExecutionIdFor(id, who!, idempotencyKey);
        var recorded = await store.RecordRequestAsync(executionId, id, rule.Revision, mode, who!, CancellationToken.None);
        if (recorded.Mode != mode)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The idempotency key was used for a different request.",
                detail: $"The key started a {recorded.Mode} execution '{executionId}' of this rule; use a new key for a new execution.");
        }

        var location = $"/api/rule-executions/{executionId}";
        var started = new ExecutionStarted(executionId, mode.ToString(), location);
        if (!await this.StartExecutionAsync(executionId, id, mode, who!))
        {
            return Results.Ok(started);
        }

        LogExecuting(logger, executionId, id, mode, who!);
        return Results.Accepted(location, started);
    }

    public async Task<IResult> GetExecutionAsync(HttpContext context, string executionId)
    {
        if (!RuleIds.IsWellFormed(executionId) || await store.FindExecutionAsync(executionId, context.RequestAborted) is not { } execution)
        {
            return RuleProblemResults.NotFound("execution", executionId);
        }

        return Results.Ok(RuleViews.From(execution, await store.DecisionsAsync(executionId, context.RequestAborted)));
    }

    /// <summary>Approve or reject: the approver named by the key, never the requester, once each; the execution is told.</summary>
    public async Task<IResult> DecideAsync(HttpContext context, string executionId, bool approve)
    {
        var (who, denied) = this.Identify(context);
        if (denied is not null)
        {
            return denied;
        }

        var (body, problem) = await RequestBody.ReadTextAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        if (!string.IsNullOrWhiteSpace(body))
        {
            return PaymentProblems.Invalid("body", "A decision takes no body; the approver is named by the 'x-approver-key' header.");
        }

        if (!RuleIds.IsWellFormed(executionId) || await store.FindExecutionAsync(executionId, context.RequestAborted) is not { } execution)
        {
            return RuleProblemResults.NotFound("execution", executionId);
        }

        if (string.Equals(execution.RequestedBy, who, StringComparison.Ordinal))
        {
            return RuleProblemResults.Forbidden("The requester cannot approve.", $"{who} requested execution '{executionId}'; someone else must decide on it.");
        }

        switch (await store.DecideAsync(executionId, who!, approve, CancellationToken.None))
        {
            case DecisionOutcome.AlreadyDecided:
                return RuleProblemResults.Conflict("Already decided.", $"{who} already decided on execution '{executionId}'; another approval must come from someone else.");
            case DecisionOutcome.NotAwaitingApproval:
                return RuleProblemResults.Conflict("Not awaiting approval.", $"Execution '{executionId}' is {execution.Status}; decisions no longer apply.");
            case DecisionOutcome.NotFound:
                return RuleProblemResults.NotFound("execution", executionId);
        }

        try
        {
            await client.RaiseEventAsync(executionId, RuleEvents.ApprovalDecided, who, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            // Not started yet: the orchestration reads the decisions when it gets there.
        }

        LogDecided(logger, executionId, who!, approve);
        return Results.Ok(new DecisionResponse(executionId, who!, approve));
    }

    public async Task<IResult> HistoryAsync(HttpContext context, string id)
    {
        if (await this.FindAsync(id, context.RequestAborted) is null)
        {
            return RuleProblemResults.NotFound("rule", id);
        }

        var history = await store.HistoryAsync(id, context.RequestAborted);
        var executions = new List<ExecutionView>();
        foreach (var execution in await store.ListExecutionsAsync(id, context.RequestAborted))
        {
            executions.Add(RuleViews.From(execution, await store.DecisionsAsync(execution.Id, context.RequestAborted)));
        }

        return Results.Ok(new RuleHistoryView(id, [.. history.Select(RuleViews.From)], executions));
    }

    public async Task<IResult> AuditLogAsync(HttpContext context)
    {
        var ruleId = context.Request.Query["ruleId"].FirstOrDefault();
        if (ruleId is not null && !RuleIds.IsWellFormed(ruleId))
        {
            return PaymentProblems.Invalid("ruleId", "Not a rule id.");
        }

        if (ReadLimit(context) is not { } limit)
        {
            return PaymentProblems.Invalid("limit", $"The limit must be a whole number from 1 to {MaxListLimit}.");
        }

        return Results.Ok((await audit.ListAsync(ruleId, limit, context.RequestAborted)).Select(RuleViews.From).ToList());
    }

    public async Task<IResult> VerifyAuditLogAsync(HttpContext context) => Results.Ok(await audit.VerifyAsync(context.RequestAborted));

    /// <summary>The person and the body of a create or update, or the 401/403/413 answer.</summary>
    private async Task<(string? Who, string? Json, IResult? Refused)> ReadDefinitionAsync(HttpContext context)
    {
        var (who, denied) = this.Identify(context);
        if (denied is not null)
        {
            return (null, null, denied);
        }

        var (json, problem) = await RequestBody.ReadTextAsync(context);
        return (who, json, problem);
    }

    private async Task<RuleValidationReport> ValidateAsync(string json, string requester, CancellationToken ct)
    {
        var settings = options.Value;
        var security = new SecurityContext(settings.NormalizedWhitelist(), [await chain.SourceAddressAsync(ct)], [], store.Now, limits.Value);
        return RuleValidator.ValidateDefinition(json, security, requester, settings.AllowedRequesters(requester));
    }

    /// <summary>Starts the execution unless one with its id exists in any status; false then.</summary>
    private async Task<bool> StartExecutionAsync(string executionId, string ruleId, ExecutionMode mode, string requester)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                RuleExecution.Name,
                new ExecutionRequest(executionId, ruleId, mode, requester, Policy(options.Value)),
                new StartOrchestrationOptions(executionId) { DedupeStatuses = PaymentOrchestrations.EveryStatus },
                CancellationToken.None);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    private async Task EnsureScheduledAsync(string ruleId)
    {
        var settings = options.Value;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                RuleSchedule.Name,
                new RuleScheduleState(ruleId, null, Policy(settings), settings.ScheduledMode),
                new StartOrchestrationOptions(RuleScheduleState.InstanceIdFor(ruleId)),
                CancellationToken.None);
        }
        catch (OrchestrationAlreadyExistsException)
        {
        }
    }

    private async Task SignalAsync(string ruleId, string change)
    {
        try
        {
            await client.RaiseEventAsync(RuleScheduleState.InstanceIdFor(ruleId), RuleEvents.RuleChanged, change, CancellationToken.None);
        }
        catch (ArgumentException)
        {
            await this.EnsureScheduledAsync(ruleId);
        }
    }

    private static ExecutionPolicy Policy(RulesOptions settings) => new(settings.ApprovalTimeout, settings.TransferAttempts);

    private async Task<StoredRule?> FindAsync(string id, CancellationToken ct) => RuleIds.IsWellFormed(id) ? await store.FindRuleAsync(id, ct) : null;

    /// <summary>The person behind <c>x-approver-key</c>, or the 401/403 answer.</summary>
    private (string? Who, IResult? Denied) Identify(HttpContext context)
    {
        var presented = context.Request.Headers[ApproverKeys.HeaderName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An approver key is required.", detail: $"Name yourself with your key in the '{ApproverKeys.HeaderName}' header."));
        }

        return ApproverKeys.Identify(payments.Value.Approvers, presented) is { } who
            ? (who, null)
            : (null, RuleProblemResults.Forbidden("Unknown approver key.", "The approver key matches no configured approver."));
    }

    private static int? ReadLimit(HttpContext context)
    {
        if (context.Request.Query["limit"].FirstOrDefault() is not { Length: > 0 } text)
        {
            return DefaultListLimit;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxListLimit ? limit : null;
    }

    /// <summary>The definition re-written compactly, so stored JSON never carries the client's whitespace.</summary>
    private static string Normalize(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize<JsonElement>(json));

    private static string TypeName(PaymentFunctions.Rules.Definitions.RuleType type) =>
        StructuralValidator.Types.Single(t => t.Value == type).Key;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created rule {RuleId} ({Type}) for {Requester}")]
    private static partial void LogCreated(ILogger logger, string ruleId, string type, string requester);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started execution {ExecutionId} of rule {RuleId} in {Mode} for {Requester}")]
    private static partial void LogExecuting(ILogger logger, string executionId, string ruleId, ExecutionMode mode, string requester);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Approver} decided on execution {ExecutionId}: approved={Approved}")]
    private static partial void LogDecided(ILogger logger, string executionId, string approver, bool approved);
}
