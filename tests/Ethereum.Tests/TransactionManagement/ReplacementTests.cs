using System.Numerics;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>Stuck transactions, made stuck by switching anvil's automine off or dropping them from its pool.</summary>
public sealed class ReplacementTests(ChainAndDatabaseFixture fixture) : IClassFixture<ChainAndDatabaseFixture>
{
    private static readonly TransactionManagerOptions Replacing = ChainAndDatabaseFixture.FastOptions with
    {
        ReplacementTimeout = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task Stuck_transaction_is_replaced_with_fees_raised_at_least_ten_percent_and_the_replacement_mines()
    {
        var sender = fixture.Node.DevSigners[1];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var manager = fixture.CreateManager(Replacing);
        var intent = new TransactionIntent { IntentId = "stuck:1", From = sender, To = recipient, Value = 42 };
        var before = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address);

        await fixture.Node.SetAutomineAsync(false);
        Task<TransactionOutcome> sending;
        try
        {
            sending = manager.SendAsync(intent);
            await WaitForAttemptsAsync(manager, intent.IntentId, 2, sending);
        }
        finally
        {
            await fixture.Node.SetAutomineAsync(true);
        }

        await fixture.Node.MineAsync(1);
        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        var record = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.True(outcome.Succeeded);
        Assert.True(record.Attempts.Count >= 2);
        Assert.NotEqual(record.Attempts[0].Hash, outcome.TransactionHash);
        Assert.Contains(outcome.TransactionHash, record.Attempts.Select(a => a.Hash));
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
        var manager = fixture.CreateManager(Replacing);
        var intent = new TransactionIntent { IntentId = "dropped:1", From = sender, To = recipient, Value = 7 };
        var before = await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address);

        await fixture.Node.SetAutomineAsync(false);
        Task<TransactionOutcome> sending;
        try
        {
            sending = manager.SendAsync(intent);
            var first = await WaitForAttemptsAsync(manager, intent.IntentId, 1, sending);
            while (await fixture.Node.Rpc.GetTransactionByHashAsync(first.Attempts[0].Hash) is null)
            {
                await Task.Delay(20);
            }

            await fixture.Node.DropTransactionAsync(first.Attempts[0].Hash);
        }
        finally
        {
            await fixture.Node.SetAutomineAsync(true);
        }

        var outcome = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        var record = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.True(outcome.Succeeded);
        Assert.True(outcome.Attempts >= 2);
        Assert.Equal(record.Attempts[^1].Hash, outcome.TransactionHash);
        Assert.Null(await fixture.Node.Rpc.GetTransactionByHashAsync(record.Attempts[0].Hash));
        AssertFeesRaised(record.Attempts);
        Assert.Equal(before + 1, await fixture.Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(7), await fixture.Node.Rpc.GetBalanceAsync(recipient));
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

    private static async Task<TransactionRecord> WaitForAttemptsAsync(TransactionManager manager, string intentId, int attempts, Task sending)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (sending.IsCompleted)
            {
                await sending;
                throw new InvalidOperationException("The send finished while the chain was not mining.");
            }

            if (await manager.GetRecordAsync(intentId, deadline.Token) is { } record && record.Status == TransactionStatus.Sent && record.Attempts.Count >= attempts)
            {
                return record;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
