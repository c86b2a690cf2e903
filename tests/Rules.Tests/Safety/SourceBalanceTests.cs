using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Tests.Persistence;

namespace PaymentFunctions.Rules.Tests.Safety;

/// <summary>The reservation's funds check: the source must cover the execution beside what others reserved and have not sent.</summary>
public sealed class SourceBalanceTests(RulesDatabaseFixture database) : IClassFixture<RulesDatabaseFixture>
{
    private readonly SafetyLedger ledger = database.Ledger(new SafetyLimits { MinIntervalMinutes = 0 });

    [Fact]
    public async Task Transfers_reserved_and_not_yet_sent_are_set_against_the_balance()
    {
        var first = Request(100m, balance: 150m);
        Assert.True((await this.Reserve(first)).Allowed);

        var refused = await this.Reserve(Request(60m, balance: 150m));
        Assert.False(refused.Allowed);
        Assert.Equal(SafetyLimits.Names.SourceBalance, refused.Limit);
        Assert.Contains("100", refused.Detail, StringComparison.Ordinal);

        // Once sent, the first transfer is out of the balance and no longer pending.
        Assert.True(await this.ledger.MarkSentAsync(first.ExecutionId, 0, CancellationToken.None));
        Assert.False(await this.ledger.MarkSentAsync(first.ExecutionId, 0, CancellationToken.None));
        var last = Request(50m, balance: 50m);
        Assert.True((await this.Reserve(last)).Allowed);
        await this.ledger.ReleaseAsync(last.ExecutionId, CancellationToken.None); // the other test starts from nothing pending
    }

    [Fact]
    public async Task Two_executions_racing_for_the_last_of_the_balance_cannot_both_pass()
    {
        // Each round: 100 in the source, two executions of 60 at once; the winner is then released.
        for (var round = 0; round < 5; round++)
        {
            var requests = new[] { Request(60m, balance: 100m), Request(60m, balance: 100m) };
            var decisions = await Task.WhenAll(requests.Select(r => Task.Run(() => this.Reserve(r))));

            Assert.Single(decisions, d => d.Allowed);
            Assert.Equal(SafetyLimits.Names.SourceBalance, Assert.Single(decisions, d => !d.Allowed).Limit);
            await this.ledger.ReleaseAsync(requests[Array.FindIndex(decisions, d => d.Allowed)].ExecutionId, CancellationToken.None);
        }
    }

    private Task<SafetyDecision> Reserve(SpendRequest request) => this.ledger.TryReserveAsync(request, CancellationToken.None);

    private static SpendRequest Request(decimal amount, decimal balance)
    {
        var id = Guid.NewGuid().ToString("N");
        return new SpendRequest("exec_" + id, "rule_" + id, [new PlannedTransfer(0, "0x" + id.PadLeft(40, '0'), "t", amount)], balance);
    }
}
