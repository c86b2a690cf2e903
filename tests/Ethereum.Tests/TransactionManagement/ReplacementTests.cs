using System.Numerics;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>
/// Stuck transactions, made stuck by switching anvil's automine off or dropping them from its pool. The replacement
/// timeout is an hour of a clock the tests move forward, so each replacement happens exactly when a test asks for it.
/// </summary>
public sealed class ReplacementTests(ChainAndDatabaseFixture fixture) : IClassFixture<ChainAndDatabaseFixture>
{
    private static readonly TimeSpan ReplacementTimeout = TimeSpan.FromHours(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly TransactionManagerOptions Replacing = ChainAndDatabaseFixture.FastOptions with { ReplacementTimeout = ReplacementTimeout };

    [Fact]
    public async Task Stuck_transaction_is_replaced_with_fees_raised_at_least_ten_percent_and_the_replacement_mines()
    {
        var sender = fixture.Node.DevSigners[1];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var clock = new ShiftableTimeProvider();
        var log = new RecordingLogger();
        var manager = fixture.CreateManager(Replacing, time: clock, logger: log);
        var intent = new TransactionIntent { IntentId = "stuck:1", From = sender, To = recipient, Value = 42 };
        var before = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address);

        Task<TransactionOutcome> sending;
        await fixture.Node.SetAutomineAsync(false);
        try
        {
            sending = manager.SendAsync(intent);
            await WaitForPooledAttemptAsync(manager, intent.IntentId, 1, sending, log);
            clock.Advance(ReplacementTimeout);
            await WaitForPooledAttemptAsync(manager, intent.IntentId, 2, sending, log);
            await fixture.Node.MineAsync(1);
        }
        finally
        {
            await fixture.Node.SetAutomineAsync(true);
        }

        var outcome = await sending.WaitAsync(Timeout);

        var record = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(record.Attempts[1].Hash, outcome.TransactionHash);
        Assert.Null(await fixture.Node.Rpc.GetTransactionReceiptAsync(record.Attempts[0].Hash));
        AssertFeesRaised(record.Attempts);

        var mined = (await fixture.Node.Rpc.GetTransactionByHashAsync(outcome.TransactionHash))!;
        Assert.True(mined.MaxFeePerGas * 100 >= record.Attempts[0].MaxFeePerGas * 110);
        Assert.True(mined.MaxPriorityFeePerGas * 100 >= record.Attempts[0].MaxPriorityFeePerGas * 110);
        Assert.Equal(before, mined.Nonce);
        Assert.Equal(before + 1, await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(42), await fixture.Node.Rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Transaction_dropped_from_the_pool_is_replaced_and_mined()
    {
        var sender = fixture.Node.DevSigners[2];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var clock = new ShiftableTimeProvider();
        var log = new RecordingLogger();
        var manager = fixture.CreateManager(Replacing, time: clock, logger: log);
        var intent = new TransactionIntent { IntentId = "dropped:1", From = sender, To = recipient, Value = 7 };
        var before = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address);

        Task<TransactionOutcome> sending;
        await fixture.Node.SetAutomineAsync(false);
        try
        {
            sending = manager.SendAsync(intent);
            var first = await WaitForPooledAttemptAsync(manager, intent.IntentId, 1, sending, log);
            await fixture.Node.DropTransactionAsync(first.Attempts[0].Hash);
        }
        finally
        {
            await fixture.Node.SetAutomineAsync(true);
        }

        clock.Advance(ReplacementTimeout);
        var outcome = await sending.WaitAsync(Timeout);

        var record = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.True(outcome.Succeeded);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(record.Attempts[1].Hash, outcome.TransactionHash);
        Assert.Null(await fixture.Node.Rpc.GetTransactionByHashAsync(record.Attempts[0].Hash));
        AssertFeesRaised(record.Attempts);
        Assert.Equal(before + 1, await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(7), await fixture.Node.Rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task When_the_original_is_mined_after_a_replacement_its_receipt_wins()
    {
        var sender = fixture.Node.DevSigners[3];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var clock = new ShiftableTimeProvider();
        var log = new RecordingLogger();
        var manager = fixture.CreateManager(Replacing, time: clock, logger: log);
        var intent = new TransactionIntent { IntentId = "original-wins:1", From = sender, To = recipient, Value = 3 };
        var before = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address);

        Task<TransactionOutcome> sending;
        TransactionRecord replaced;
        await fixture.Node.SetAutomineAsync(false);
        try
        {
            sending = manager.SendAsync(intent);
            await WaitForPooledAttemptAsync(manager, intent.IntentId, 1, sending, log);
            clock.Advance(ReplacementTimeout);
            replaced = await WaitForPooledAttemptAsync(manager, intent.IntentId, 2, sending, log);

            // Another node could still hold and mine the original: simulate that by swapping it back in.
            await fixture.Node.DropTransactionAsync(replaced.Attempts[1].Hash);
            await fixture.Node.Rpc.SendRawTransactionAsync(replaced.Attempts[0].Raw);
            await fixture.Node.MineAsync(1);
        }
        finally
        {
            await fixture.Node.SetAutomineAsync(true);
        }

        var outcome = await sending.WaitAsync(Timeout);

        Assert.True(outcome.Succeeded);
        Assert.Equal(replaced.Attempts[0].Hash, outcome.TransactionHash);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(replaced.Attempts[0].Hash, (await manager.GetRecordAsync(intent.IntentId))!.MinedHash);
        Assert.Equal(before + 1, await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(3), await fixture.Node.Rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Replacement_never_exceeds_the_fee_cap()
    {
        var cap = new BigInteger(1_000_000_000);
        var sender = fixture.Node.DevSigners[4];
        var clock = new ShiftableTimeProvider();
        var log = new RecordingLogger();
        var options = Replacing with { Fees = new FeePolicy { MaxFeePerGasCap = cap, MinPriorityFeePerGas = cap } };
        var manager = fixture.CreateManager(options, time: clock, logger: log);
        var intent = new TransactionIntent { IntentId = "capped:1", From = sender, To = LocalKeySigner.CreateRandom().Address, Value = 1 };
        using var cancel = new CancellationTokenSource();

        await fixture.Node.SetAutomineAsync(false);
        TransactionRecord first;
        try
        {
            var sending = manager.SendAsync(intent, cancel.Token);
            first = await WaitForPooledAttemptAsync(manager, intent.IntentId, 1, sending, log);
            clock.Advance(ReplacementTimeout);
            var deadline = DateTimeOffset.UtcNow + Timeout;
            while (!log.Lines.Any(l => l.Contains("cannot raise fees", StringComparison.Ordinal)))
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, log.ToString());
                await Task.Delay(20);
            }

            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }
        finally
        {
            var stored = await manager.GetRecordAsync(intent.IntentId);
            if (stored is not null)
            {
                await fixture.Node.DropTransactionAsync(stored.Latest.Hash);
            }

            await fixture.Node.SetAutomineAsync(true);
        }

        var record = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.Single(record.Attempts);
        Assert.Equal(cap, first.Latest.MaxFeePerGas);
        Assert.True(record.Latest.MaxPriorityFeePerGas <= cap);
    }

    private static void AssertFeesRaised(IReadOnlyList<TransactionAttempt> attempts)
    {
        for (var i = 1; i < attempts.Count; i++)
        {
            Assert.Equal(i + 1, attempts[i].Number);
            Assert.True(attempts[i].MaxFeePerGas * 100 >= attempts[i - 1].MaxFeePerGas * 110, $"max fee of attempt {i + 1}");
            Assert.True(attempts[i].MaxPriorityFeePerGas * 100 >= attempts[i - 1].MaxPriorityFeePerGas * 110, $"tip of attempt {i + 1}");
        }
    }

    /// <summary>Waits until the intent has <paramref name="attempts"/> attempts and the newest is in the node's pool.</summary>
    private async Task<TransactionRecord> WaitForPooledAttemptAsync(TransactionManager manager, string intentId, int attempts, Task sending, RecordingLogger log)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        TransactionRecord? last = null;
        while (true)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Attempt {attempts} of {intentId} never reached the pool; stored: {last}{Environment.NewLine}{log}");
            }

            if (sending.IsCompleted)
            {
                await sending;
                throw new InvalidOperationException("The send finished while the chain was not mining.");
            }

            last = await manager.GetRecordAsync(intentId);
            if (last is { } record
                && record.Attempts.Count == attempts
                && await fixture.Node.Rpc.GetTransactionByHashAsync(record.Latest.Hash) is not null)
            {
                return record;
            }

            await Task.Delay(20);
        }
    }
}
