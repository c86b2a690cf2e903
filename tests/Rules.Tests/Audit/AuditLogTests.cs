using Npgsql;
using PaymentFunctions.Rules.Audit;
using PaymentFunctions.Rules.Tests.Persistence;

namespace PaymentFunctions.Rules.Tests.Audit;

public sealed class AuditLogTests(RulesDatabaseFixture database) : IClassFixture<RulesDatabaseFixture>
{
    [Fact]
    public async Task Entries_chain_and_a_tampered_row_is_detected()
    {
        var first = await database.Audit.AppendAsync(Record("executed", "{\"total\":\"100\"}"), CancellationToken.None);
        var second = await database.Audit.AppendAsync(Record("executed", "{\"total\":\"200\"}"), CancellationToken.None);
        await database.Audit.AppendAsync(Record("refused", "{\"limit\":\"daily_total_max\"}"), CancellationToken.None);

        Assert.Equal(first.Hash, second.PreviousHash);
        var intact = await database.Audit.VerifyAsync(CancellationToken.None);
        Assert.True(intact.Valid, intact.Reason);

        // Someone with rights to disable the append-only trigger rewrites an amount.
        await ExecuteAsync($$"""
            ALTER TABLE rules.audit_log DISABLE TRIGGER audit_log_append_only;
            UPDATE rules.audit_log SET details = '{"total":"20000"}' WHERE sequence = {{second.Sequence}};
            ALTER TABLE rules.audit_log ENABLE TRIGGER audit_log_append_only;
            """);

        var tampered = await database.Audit.VerifyAsync(CancellationToken.None);
        Assert.False(tampered.Valid);
        Assert.Equal(second.Sequence, tampered.BrokenAt);
        Assert.Contains("hash", tampered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_refuses_updates_and_deletes()
    {
        var entry = await database.Audit.AppendAsync(Record("executed", "{}"), CancellationToken.None);

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE rules.audit_log SET user_id = 'mallory' WHERE sequence = {entry.Sequence}"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM rules.audit_log WHERE sequence = {entry.Sequence}"));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    private static AuditRecord Record(string kind, string details) => new("rule_audit", "exec_" + Guid.NewGuid().ToString("N"), "alice", kind, "{\"balance\":\"1000\"}", details, "{}");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
