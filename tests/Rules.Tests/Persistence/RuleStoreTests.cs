using PaymentFunctions.Rules.Persistence;

namespace PaymentFunctions.Rules.Tests.Persistence;

public sealed class RuleStoreTests(RulesDatabaseFixture database) : IClassFixture<RulesDatabaseFixture>
{
    [Fact]
    public async Task An_execution_ends_once_with_one_history_line_and_one_audit_entry()
    {
        var rule = await database.Store.CreateRuleAsync("r", "contractor_payment", "{}", "alice", CancellationToken.None);
        var id = RuleIds.ExecutionId(Guid.NewGuid());
        await database.Store.CreateExecutionAsync(new StoredExecution { Id = id, RuleId = rule.Id, RequestedBy = "alice", Status = ExecutionStatus.Sending }, CancellationToken.None);

        var first = await database.Store.CompleteExecutionAsync(id, ExecutionStatus.Refused, "{\"limit\":\"daily_total_max\"}", "over the limit", "daily_total_max", "{}", CancellationToken.None);
        var again = await database.Store.CompleteExecutionAsync(id, ExecutionStatus.Completed, "{}", "retried", null, "{}", CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(ExecutionStatus.Refused, (await database.Store.FindExecutionAsync(id, CancellationToken.None))!.Status);
        var history = await database.Store.HistoryAsync(rule.Id, CancellationToken.None);
        Assert.Equal(["created", "refused"], history.Select(h => h.Kind));
        Assert.Equal("daily_total_max", history[^1].Limit);
        var audit = await database.Audit.ListAsync(rule.Id, 100, CancellationToken.None);
        Assert.Equal(["rule-created", "refused"], audit.Select(a => a.Kind));
        Assert.True((await database.Audit.VerifyAsync(CancellationToken.None)).Valid);
    }

    [Fact]
    public async Task A_person_decides_once_and_only_while_approval_is_awaited()
    {
        var rule = await database.Store.CreateRuleAsync("r", "contractor_payment", "{}", "alice", CancellationToken.None);
        var id = RuleIds.ExecutionId(Guid.NewGuid());
        await database.Store.CreateExecutionAsync(new StoredExecution { Id = id, RuleId = rule.Id, RequestedBy = "alice", Status = ExecutionStatus.AwaitingApproval }, CancellationToken.None);

        Assert.Equal(DecisionOutcome.Recorded, await database.Store.DecideAsync(id, "bob", true, CancellationToken.None));
        Assert.Equal(DecisionOutcome.AlreadyDecided, await database.Store.DecideAsync(id, "bob", false, CancellationToken.None));
        Assert.Equal(DecisionOutcome.NotFound, await database.Store.DecideAsync("exec_missing", "bob", true, CancellationToken.None));
        await database.Store.CompleteExecutionAsync(id, ExecutionStatus.Expired, "{}", "expired", null, "{}", CancellationToken.None);
        Assert.Equal(DecisionOutcome.NotAwaitingApproval, await database.Store.DecideAsync(id, "carol", true, CancellationToken.None));
        Assert.Single(await database.Store.DecisionsAsync(id, CancellationToken.None));
    }
}
