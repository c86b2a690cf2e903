using PaymentFunctions.Rules.Execution;
using PaymentFunctions.Rules.Safety;
using PaymentFunctions.Rules.Tests.Persistence;

namespace PaymentFunctions.Rules.Tests.Safety;

public sealed class SafetyLedgerTests(RulesDatabaseFixture database) : IClassFixture<RulesDatabaseFixture>
{
    [Fact]
    public async Task Two_executions_racing_for_the_last_of_the_daily_total_cannot_both_pass()
    {
        var ledger = database.Ledger(new SafetyLimits { DailyTotalMax = 1_000m, MinIntervalMinutes = 0, RecipientDailyMax = 1_000_000m }, Day(1));
        Assert.True((await ledger.TryReserveAsync(Request("rule_a", 600m, Wallet(1)), CancellationToken.None)).Allowed);

        // 400 left: two executions of 300 each start at once, round after round, and only one of each pair may pass.
        for (var round = 0; round < 5; round++)
        {
            var requests = new[] { Request($"rule_r{round}a", 300m, Wallet(2 + round)), Request($"rule_r{round}b", 300m, Wallet(12 + round)) };
            var decisions = await Task.WhenAll(requests.Select(r => Task.Run(() => ledger.TryReserveAsync(r, CancellationToken.None))));

            Assert.Single(decisions, d => d.Allowed);
            Assert.Equal(SafetyLimits.Names.DailyTotalMax, Assert.Single(decisions, d => !d.Allowed).Limit);

            // Free the winner's 300 for the next round, as an execution that never sent would.
            await ledger.ReleaseAsync(requests[Array.FindIndex(decisions, d => d.Allowed)].ExecutionId, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Each_limit_refuses_by_name()
    {
        var strict = new SafetyLimits
        {
            SinglePaymentMax = 500m,
            DailyTotalMax = 10_000m,
            RecipientDailyMax = 800m,
            MinIntervalMinutes = 60,
            MaxDailyExecutions = 4,
            MaxRecipientDaily = 2,
        };
        var ledger = database.Ledger(strict, Day(2));

        Assert.Equal(SafetyLimits.Names.SinglePaymentMax, (await ledger.TryReserveAsync(Request("rule_1", 501m, Wallet(20)), CancellationToken.None)).Limit);
        Assert.True((await ledger.TryReserveAsync(Request("rule_1", 400m, Wallet(20)), CancellationToken.None)).Allowed);
        Assert.Equal(SafetyLimits.Names.MinIntervalMinutes, (await ledger.TryReserveAsync(Request("rule_1", 1m, Wallet(21)), CancellationToken.None)).Limit);
        Assert.Equal(SafetyLimits.Names.RecipientDailyMax, (await ledger.TryReserveAsync(Request("rule_2", 401m, Wallet(20)), CancellationToken.None)).Limit);
        Assert.True((await ledger.TryReserveAsync(Request("rule_3", 1m, Wallet(20)), CancellationToken.None)).Allowed);
        Assert.Equal(SafetyLimits.Names.MaxRecipientDaily, (await ledger.TryReserveAsync(Request("rule_4", 1m, Wallet(20)), CancellationToken.None)).Limit);
        Assert.True((await ledger.TryReserveAsync(Request("rule_5", 1m, Wallet(22)), CancellationToken.None)).Allowed);
        Assert.True((await ledger.TryReserveAsync(Request("rule_6", 1m, Wallet(23)), CancellationToken.None)).Allowed);
        Assert.Equal(SafetyLimits.Names.MaxDailyExecutions, (await ledger.TryReserveAsync(Request("rule_7", 1m, Wallet(24)), CancellationToken.None)).Limit);

        var totalLedger = database.Ledger(new SafetyLimits { DailyTotalMax = 10m, MinIntervalMinutes = 0 }, Day(3));
        Assert.Equal(SafetyLimits.Names.DailyTotalMax, (await totalLedger.TryReserveAsync(Request("rule_8", 11m, Wallet(25)), CancellationToken.None)).Limit);
    }

    [Fact]
    public async Task A_retried_reservation_is_the_same_decision_and_released_transfers_stop_counting()
    {
        var ledger = database.Ledger(new SafetyLimits { DailyTotalMax = 100m, MinIntervalMinutes = 0 }, Day(4));
        var request = Request("rule_x", 100m, Wallet(30));

        Assert.True((await ledger.TryReserveAsync(request, CancellationToken.None)).Allowed);
        Assert.True((await ledger.TryReserveAsync(request, CancellationToken.None)).Allowed);
        Assert.False((await ledger.TryReserveAsync(Request("rule_y", 1m, Wallet(31)), CancellationToken.None)).Allowed);
        await ledger.ReleaseAsync(request.ExecutionId, CancellationToken.None);
        Assert.True((await ledger.TryReserveAsync(Request("rule_y", 100m, Wallet(31)), CancellationToken.None)).Allowed);
    }

    private static SpendRequest Request(string ruleId, decimal amount, string to)
    {
        return new SpendRequest("exec_" + Guid.NewGuid().ToString("N"), ruleId, [new PlannedTransfer(0, to, "t", amount)]);
    }

    private static string Wallet(int n) => "0x" + n.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Each test gets its own (far future) UTC day, so their totals never mix.</summary>
    private static FixedClock Day(int n) => new(new DateTimeOffset(2040, 1, n, 12, 0, 0, TimeSpan.Zero));
}
