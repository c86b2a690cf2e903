using Microsoft.EntityFrameworkCore;
using Npgsql;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Payments.Persistence;

namespace PaymentFunctions.Rules.Persistence;

/// <summary>
/// Every read and write of rules, executions, approvals and history. A change and its history line and audit entry
/// commit in one transaction, so the log never misses (or invents) a change.
/// </summary>
public sealed class RuleStore(IDbContextFactory<RulesDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<StoredRule> CreateRuleAsync(string name, string type, string definitionJson, string createdBy, CancellationToken ct)
    {
        var now = this.Now;
        var rule = new StoredRule
        {
            Id = RuleIds.NewRuleId(),
            Name = name,
            Type = type,
            DefinitionJson = definitionJson,
            Status = RuleStatus.Active,
            Revision = 1,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return contexts.InTransactionAsync(async context =>
        {
            context.Rules.Add(rule);
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await this.RecordAsync(context, rule.Id, null, "created", null, $"revision 1 by {createdBy}", createdBy, "", definitionJson, ct).ConfigureAwait(false);
            return rule;
        }, ct);
    }

    public async Task<StoredRule?> FindRuleAsync(string id, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Status != RuleStatus.Deleted, ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredRule>> ListRulesAsync(RuleStatus? status, int limit, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var query = context.Rules.AsNoTracking().Where(r => r.Status != RuleStatus.Deleted);
            if (status is { } s)
            {
                query = query.Where(r => r.Status == s);
            }

            return await query.OrderByDescending(r => r.CreatedAt).Take(limit).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Replaces the definition (next execution on); null when the rule does not exist or is deleted.</summary>
    public Task<StoredRule?> UpdateRuleAsync(string id, string name, string definitionJson, string by, CancellationToken ct) =>
        contexts.InTransactionAsync(async context =>
        {
            var rule = await context.Rules.SingleOrDefaultAsync(r => r.Id == id && r.Status != RuleStatus.Deleted, ct).ConfigureAwait(false);
            if (rule is null)
            {
                return null;
            }

            var before = rule.DefinitionJson;
            rule.Name = name;
            rule.DefinitionJson = definitionJson;
            rule.Revision++;
            rule.UpdatedAt = this.Now;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            await this.RecordAsync(context, id, null, "updated", null, $"revision {rule.Revision} by {by}", by, before, definitionJson, ct).ConfigureAwait(false);
            return rule;
        }, ct);

    /// <summary>Pauses, resumes or deletes; null when there is no such rule (a deleted rule stays deleted).</summary>
    public Task<StoredRule?> SetStatusAsync(string id, RuleStatus status, string by, CancellationToken ct) =>
        contexts.InTransactionAsync(async context =>
        {
            var rule = await context.Rules.SingleOrDefaultAsync(r => r.Id == id && r.Status != RuleStatus.Deleted, ct).ConfigureAwait(false);
            if (rule is null)
            {
                return null;
            }

            var before = rule.Status;
            rule.Status = status;
            rule.UpdatedAt = this.Now;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            var kind = status switch { RuleStatus.Paused => "paused", RuleStatus.Active => "resumed", _ => "deleted" };
            await this.RecordAsync(context, id, null, kind, null, $"{before} -> {status} by {by}", by, before.ToString(), status.ToString(), ct).ConfigureAwait(false);
            return rule;
        }, ct);

    /// <summary>Inserts the execution unless one with its id exists (a retried activity); returns the stored one.</summary>
    /// <summary>Stores the execution unless one with its id is stored (also by a concurrent caller); returns the stored one.</summary>
    public async Task<StoredExecution> CreateExecutionAsync(StoredExecution execution, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(execution);
        try
        {
            return await contexts.InTransactionAsync(async context =>
            {
                if (await context.Executions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == execution.Id, ct).ConfigureAwait(false) is { } existing)
                {
                    return existing;
                }

                context.Executions.Add(execution);
                await context.SaveChangesAsync(ct).ConfigureAwait(false);
                return execution;
            }, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await this.FindExecutionAsync(execution.Id, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Execution '{execution.Id}' collided on insert and then was not found.", ex);
        }
    }

    /// <summary>Stores a requested execution as <see cref="ExecutionStatus.Validating"/> unless its id is stored already.</summary>
    public Task<StoredExecution> RecordRequestAsync(string executionId, string ruleId, int ruleRevision, ExecutionMode mode, string requestedBy, CancellationToken ct) =>
        this.CreateExecutionAsync(
            new StoredExecution
            {
                Id = executionId,
                RuleId = ruleId,
                RuleRevision = ruleRevision,
                Mode = mode,
                Status = ExecutionStatus.Validating,
                RequestedBy = requestedBy,
                RequestedAt = this.Now,
            },
            ct);

    public async Task<StoredExecution?> FindExecutionAsync(string id, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Executions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredExecution>> ListExecutionsAsync(string ruleId, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Executions.AsNoTracking().Where(e => e.RuleId == ruleId).OrderBy(e => e.RequestedAt).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The totals of the rule's completed executions, oldest first (the anomaly check's history).</summary>
    public async Task<IReadOnlyList<decimal>> ExecutedTotalsAsync(string ruleId, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Executions.AsNoTracking().Where(e => e.RuleId == ruleId && e.Status == ExecutionStatus.Completed)
                .OrderBy(e => e.RequestedAt).Select(e => e.Total).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Moves an execution on before it ends, recording whatever state is given (ends go through <see cref="CompleteExecutionAsync"/>).</summary>
    public Task<bool> UpdateExecutionAsync(string id, ExecutionStatus status, string? preState, string? postState, string? reason, decimal? total, CancellationToken ct) =>
        contexts.InTransactionAsync(async context =>
        {
            var execution = await context.Executions.SingleOrDefaultAsync(e => e.Id == id, ct).ConfigureAwait(false);
            if (execution is null)
            {
                return false;
            }

            execution.Status = status;
            execution.PreState = preState ?? execution.PreState;
            execution.PostState = postState ?? execution.PostState;
            execution.Reason = reason ?? execution.Reason;
            execution.Total = total ?? execution.Total;
            if (status == ExecutionStatus.Sending)
            {
                execution.ApprovedAt ??= this.Now;
            }

            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }, ct);

    /// <summary>Records one person's approval or rejection while the execution awaits approval; once per person.</summary>
    public Task<DecisionOutcome> DecideAsync(string executionId, string approver, bool approved, CancellationToken ct) =>
        contexts.InTransactionAsync(async context =>
        {
            var execution = await context.Executions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == executionId, ct).ConfigureAwait(false);
            if (execution is null)
            {
                return DecisionOutcome.NotFound;
            }

            if (execution.Status is not (ExecutionStatus.AwaitingApproval or ExecutionStatus.Validating))
            {
                return DecisionOutcome.NotAwaitingApproval;
            }

            var inserted = await context.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {RulesDbContext.Schema}.{RulesModel.ApprovalsTable} (execution_id, approver, approved, at) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT DO NOTHING",
                [executionId, approver, approved, this.Now],
                ct).ConfigureAwait(false);
            if (inserted == 0)
            {
                return DecisionOutcome.AlreadyDecided;
            }

            await this.AddHistoryAsync(context, execution.RuleId, executionId, approved ? "approved" : "rejected", null, $"{(approved ? "approved" : "rejected")} by {approver}", ct).ConfigureAwait(false);
            return DecisionOutcome.Recorded;
        }, ct);

    public async Task<IReadOnlyList<StoredApproval>> DecisionsAsync(string executionId, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Approvals.AsNoTracking().Where(a => a.ExecutionId == executionId).OrderBy(a => a.At).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string ruleId, CancellationToken ct)
    {
        var context = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.History.AsNoTracking().Where(h => h.RuleId == ruleId).OrderBy(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends an execution once: its final status, post-execution state and reason, its history line (naming the limit
    /// of a refusal) and its audit entry commit together, under a lock on the execution's row. False when it had
    /// ended already (a retried activity), and nothing is written again.
    /// </summary>
    public Task<bool> CompleteExecutionAsync(string id, ExecutionStatus status, string postState, string reason, string? limit, string details, CancellationToken ct) =>
        contexts.InTransactionAsync(async context =>
        {
            var execution = (await context.Executions
                .FromSqlRaw($"SELECT * FROM {RulesDbContext.Schema}.{RulesModel.ExecutionsTable} WHERE id = {{0}} FOR UPDATE", id)
                .ToListAsync(ct).ConfigureAwait(false)).SingleOrDefault();
            if (execution is null || execution.CompletedAt is not null)
            {
                return false;
            }

            execution.Status = status;
            execution.PostState = postState;
            execution.Reason = reason;
            execution.CompletedAt = this.Now;
            await context.SaveChangesAsync(ct).ConfigureAwait(false);
            var kind = status.ToString().ToLowerInvariant();
            await this.AddHistoryAsync(context, execution.RuleId, id, kind, limit, reason, ct).ConfigureAwait(false);
            await audit.AppendAsync(context, new AuditRecord(execution.RuleId, id, execution.RequestedBy, kind, execution.PreState ?? "{}", details, postState), ct).ConfigureAwait(false);
            return true;
        }, ct);

    private async Task RecordAsync(RulesDbContext context, string ruleId, string? executionId, string kind, string? limit, string detail, string userId, string before, string after, CancellationToken ct)
    {
        await this.AddHistoryAsync(context, ruleId, executionId, kind, limit, detail, ct).ConfigureAwait(false);
        await audit.AppendAsync(context, new AuditRecord(ruleId, executionId, userId, $"rule-{kind}", before, detail, after), ct).ConfigureAwait(false);
    }

    private async Task AddHistoryAsync(RulesDbContext context, string ruleId, string? executionId, string kind, string? limit, string detail, CancellationToken ct)
    {
        context.History.Add(new HistoryEntry { RuleId = ruleId, ExecutionId = executionId, At = this.Now, Kind = kind, Limit = limit, Detail = detail });
        await context.SaveChangesAsync(ct).ConfigureAwait(false);
    }
}
