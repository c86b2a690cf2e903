using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.Ethereum.Tests.TransactionManagement;

/// <summary>
/// Idempotency, crash recovery, confirmations and reverts against anvil and a private database. Each test sends
/// from its own dev account, so transaction counts per account tell exactly how many transactions reached the chain.
/// </summary>
public sealed class TransactionManagerTests(ChainAndDatabaseFixture fixture) : IClassFixture<ChainAndDatabaseFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private AnvilNode Node => fixture.Node;

    [Fact]
    public async Task Same_intent_sent_twice_produces_one_transaction()
    {
        var sender = Node.DevSigners[1];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var intent = Transfer("idempotent:1", sender, recipient, 12345);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);

        var first = await fixture.CreateManager().SendAsync(intent).WaitAsync(Timeout);
        var second = await fixture.CreateManager().SendAsync(intent).WaitAsync(Timeout);

        Assert.True(first.Succeeded);
        Assert.Equal(first.TransactionHash, second.TransactionHash);
        Assert.Equal(first.Nonce, second.Nonce);
        Assert.Equal(before, first.Nonce);
        Assert.Equal(before + 1, await Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(12345), await Node.Rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Same_intent_sent_concurrently_by_two_managers_produces_one_transaction()
    {
        var sender = Node.DevSigners[2];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var intent = Transfer("idempotent:concurrent", sender, recipient, 777);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var processA = fixture.CreateManager();
        var processB = fixture.CreateManager();

        var outcomes = await Task.WhenAll(
            Task.Run(() => processA.SendAsync(intent)),
            Task.Run(() => processB.SendAsync(intent))).WaitAsync(Timeout);

        Assert.Equal(outcomes[0].TransactionHash, outcomes[1].TransactionHash);
        Assert.Equal(before + 1, await Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(777), await Node.Rpc.GetBalanceAsync(recipient));
        Assert.Equal(1L, await fixture.ScalarAsync("SELECT count(*) FROM chain.transactions WHERE intent_id = @id", ("id", intent.IntentId)));
    }

    [Fact]
    public async Task Reusing_an_intent_id_for_a_different_transaction_is_refused()
    {
        var sender = Node.DevSigners[3];
        var manager = fixture.CreateManager();
        var intent = Transfer("reused:1", sender, LocalKeySigner.CreateRandom().Address, 1);
        await manager.SendAsync(intent).WaitAsync(Timeout);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => manager.SendAsync(intent with { Value = 2 }));

        Assert.Contains("reused:1", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Node.Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Crash_after_persisting_resends_the_stored_bytes_byte_for_byte()
    {
        var sender = Node.DevSigners[4];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var intent = Transfer("crash:persisted", sender, recipient, 99);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var crashing = fixture.CreateManager(hooks: new TransactionManagerHooks { AfterPersistAsync = (_, _) => throw new SimulatedCrashException() });

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(intent));

        var stored = await crashing.GetRecordAsync(intent.IntentId);
        Assert.NotNull(stored);
        Assert.Equal(TransactionStatus.Persisted, stored.Status);
        Assert.Null(await Node.Rpc.GetTransactionByHashAsync(stored.Latest.Hash));
        Assert.Equal(before, await Node.Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending));

        using var recorder = new RawTransactionRecorder();
        using var http = new HttpClient(recorder);
        var restarted = fixture.CreateManager(rpc: new EthereumRpcClient(http, Node.RpcUri));
        var outcome = await restarted.SendAsync(intent).WaitAsync(Timeout);

        Assert.Equal(stored.Latest.Hash, outcome.TransactionHash);
        Assert.Equal([Hex.Encode(stored.Latest.Raw.Span)], recorder.SentRawTransactions);
        Assert.Equal(before + 1, await Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(99), await Node.Rpc.GetBalanceAsync(recipient));
        Assert.Equal(TransactionStatus.Confirmed, (await restarted.GetRecordAsync(intent.IntentId))!.Status);
    }

    [Fact]
    public async Task Crash_after_sending_is_resumed_without_a_second_transaction()
    {
        var sender = Node.DevSigners[5];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var intent = Transfer("crash:sent", sender, recipient, 5);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var crashing = fixture.CreateManager(hooks: new TransactionManagerHooks { AfterSendAsync = (_, _) => throw new SimulatedCrashException() });

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(intent));
        var stored = (await crashing.GetRecordAsync(intent.IntentId))!;
        await Node.Rpc.WaitForReceiptAsync(stored.Latest.Hash).WaitAsync(Timeout);

        // The node answers the re-sent bytes with "nonce too low" or "already known"; our hash is mined, so that is success.
        var outcome = await fixture.CreateManager().SendAsync(intent).WaitAsync(Timeout);

        Assert.True(outcome.Succeeded);
        Assert.Equal(stored.Latest.Hash, outcome.TransactionHash);
        Assert.Equal(before + 1, await Node.Rpc.GetTransactionCountAsync(sender.Address));
        Assert.Equal(new BigInteger(5), await Node.Rpc.GetBalanceAsync(recipient));
    }

    [Fact]
    public async Task Resume_sends_every_open_transaction_of_an_account_in_nonce_order()
    {
        var sender = Node.DevSigners[6];
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var crashing = fixture.CreateManager(hooks: new TransactionManagerHooks { AfterPersistAsync = (_, _) => throw new SimulatedCrashException() });
        var first = Transfer("resume:1", sender, LocalKeySigner.CreateRandom().Address, 1);
        var second = Transfer("resume:2", sender, LocalKeySigner.CreateRandom().Address, 2);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(first));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(second));

        // The node has seen neither, so the database's nonce counter had to decide the second nonce.
        var outcomes = await fixture.CreateManager().ResumeAsync(sender).WaitAsync(Timeout);

        Assert.Equal(["resume:1", "resume:2"], outcomes.Select(o => o.IntentId));
        Assert.Equal([before, before + 1], outcomes.Select(o => o.Nonce));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(before + 2, await Node.Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Nonce_follows_the_chain_when_the_account_was_used_elsewhere()
    {
        var sender = Node.DevSigners[7];
        var manager = fixture.CreateManager();
        var first = await manager.SendAsync(Transfer("elsewhere:1", sender, LocalKeySigner.CreateRandom().Address, 1)).WaitAsync(Timeout);

        // Two transactions the manager does not know about.
        await TestChain.SendAsync(Node, sender, LocalKeySigner.CreateRandom().Address, [], 1);
        await TestChain.SendAsync(Node, sender, LocalKeySigner.CreateRandom().Address, [], 1);

        var second = await manager.SendAsync(Transfer("elsewhere:2", sender, LocalKeySigner.CreateRandom().Address, 1)).WaitAsync(Timeout);

        Assert.True(second.Succeeded);
        Assert.Equal(first.Nonce + 3, second.Nonce);
        Assert.Equal(second.Nonce + 1, (long)(await fixture.ScalarAsync(
            "SELECT next_nonce FROM chain.nonces WHERE address = @a", ("a", sender.Address.ToLowerHex())))!);
    }

    [Fact]
    public async Task Waits_until_the_configured_confirmation_depth()
    {
        var sender = Node.DevSigners[8];
        var manager = fixture.CreateManager(ChainAndDatabaseFixture.FastOptions with { Confirmations = 3 });
        var intent = Transfer("confirmations:3", sender, LocalKeySigner.CreateRandom().Address, 1);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);

        var sending = manager.SendAsync(intent);
        while (await Node.Rpc.GetTransactionCountAsync(sender.Address) == before)
        {
            Assert.False(sending.IsCompleted, sending.Exception?.ToString());
            await Task.Delay(20);
        }

        var stored = (await manager.GetRecordAsync(intent.IntentId))!;
        var mined = (await Node.Rpc.WaitForReceiptAsync(stored.Latest.Hash)).BlockNumber;
        await Node.MineAsync(1);

        // One block on top is depth 2: the manager must keep waiting through several polls.
        await Task.Delay(ChainAndDatabaseFixture.FastOptions.PollInterval * 6);
        Assert.False(sending.IsCompleted);
        Assert.NotEqual(TransactionStatus.Confirmed, (await manager.GetRecordAsync(intent.IntentId))!.Status);

        await Node.MineAsync(1);
        var outcome = await sending.WaitAsync(Timeout);

        Assert.Equal(mined, outcome.Receipt.BlockNumber);
        Assert.True(outcome.ConfirmedAtBlock >= mined + 2);
        Assert.Equal(TransactionStatus.Confirmed, (await manager.GetRecordAsync(intent.IntentId))!.Status);
    }

    [Fact]
    public async Task Reverted_transaction_is_reported_with_its_decoded_reason()
    {
        var sender = Node.DevSigners[9];
        var manager = fixture.CreateManager();
        var deployed = await manager.SendAsync(new TransactionIntent
        {
            IntentId = "revert:deploy",
            From = sender,
            Data = RevertingContract.InitCode("nope"),
        }).WaitAsync(Timeout);
        var contract = deployed.Receipt.ContractAddress ?? throw new InvalidOperationException("no contract deployed");
        var call = new TransactionIntent { IntentId = "revert:call", From = sender, To = contract, Data = new byte[] { 1, 2, 3, 4 }, GasLimit = 100_000 };

        var outcome = await manager.SendAsync(call).WaitAsync(Timeout);

        Assert.False(outcome.Succeeded);
        Assert.NotNull(outcome.Revert);
        Assert.Equal(RevertKind.Error, outcome.Revert.Kind);
        Assert.Equal("nope", outcome.Revert.Message);
        Assert.Equal(TransactionStatus.Reverted, (await manager.GetRecordAsync(call.IntentId))!.Status);

        // Asking again reports the same revert from the stored data, without a new transaction.
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var again = await fixture.CreateManager().SendAsync(call).WaitAsync(Timeout);
        Assert.Equal(outcome.TransactionHash, again.TransactionHash);
        Assert.Equal("nope", again.Revert?.Message);
        Assert.Equal(before, await Node.Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Erc20_transfer_beyond_the_balance_reports_the_token_custom_error()
    {
        var deployment = await ContractDeployer.DeployAsync(Node);
        var sender = Node.DevSigners[1];
        var recipient = LocalKeySigner.CreateRandom().Address;
        var manager = fixture.CreateManager(ChainAndDatabaseFixture.FastOptions with { KnownErrors = Erc20.Errors });

        var outcome = await manager.SendAsync(new TransactionIntent
        {
            IntentId = "erc20:overdraw",
            From = sender,
            To = deployment.Token,
            Data = Erc20.EncodeTransfer(recipient, 5_000_000),
            GasLimit = 120_000,
        }).WaitAsync(Timeout);

        Assert.False(outcome.Succeeded);
        Assert.Equal(RevertKind.Custom, outcome.Revert?.Kind);
        Assert.Equal("ERC20InsufficientBalance", outcome.Revert?.ErrorName);
        Assert.Equal([sender.Address, BigInteger.Zero, new BigInteger(5_000_000)], outcome.Revert!.Arguments);
    }

    [Fact]
    public async Task Gas_estimation_revert_stores_and_sends_nothing()
    {
        var sender = Node.DevSigners[3];
        var manager = fixture.CreateManager();
        var deployed = await manager.SendAsync(new TransactionIntent { IntentId = "estimate:deploy", From = sender, Data = RevertingContract.InitCode("early") }).WaitAsync(Timeout);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        var call = new TransactionIntent { IntentId = "estimate:call", From = sender, To = deployed.Receipt.ContractAddress };

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() => manager.SendAsync(call));

        Assert.Equal("early", error.Reason.Message);
        Assert.Null(await manager.GetRecordAsync(call.IntentId));
        Assert.Equal(before, await Node.Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Nonce_taken_by_a_foreign_transaction_is_reported_as_a_conflict()
    {
        var sender = Node.DevSigners[4];
        var crashing = fixture.CreateManager(hooks: new TransactionManagerHooks { AfterPersistAsync = (_, _) => throw new SimulatedCrashException() });
        var intent = Transfer("conflict:1", sender, LocalKeySigner.CreateRandom().Address, 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(intent));
        var stored = (await crashing.GetRecordAsync(intent.IntentId))!;

        // While the stored transaction was never sent, someone else uses its nonce.
        var foreign = await TestChain.SendAsync(Node, sender, LocalKeySigner.CreateRandom().Address, [], 1);
        Assert.Equal(stored.Nonce, (await Node.Rpc.GetTransactionByHashAsync(foreign.TransactionHash))!.Nonce);

        var error = await Assert.ThrowsAsync<NonceConflictException>(() => fixture.CreateManager().SendAsync(intent).WaitAsync(Timeout));

        Assert.Equal(intent.IntentId, error.IntentId);
        Assert.Null(await Node.Rpc.GetTransactionReceiptAsync(stored.Latest.Hash));
    }

    [Fact]
    public async Task Cancelled_wait_is_resumed_by_the_next_send_without_a_new_transaction()
    {
        var sender = Node.DevSigners[5];
        var options = ChainAndDatabaseFixture.FastOptions with { Confirmations = 2 };
        var intent = Transfer("cancelled:1", sender, LocalKeySigner.CreateRandom().Address, 11);
        var before = await Node.Rpc.GetTransactionCountAsync(sender.Address);
        using var cancel = new CancellationTokenSource();
        var manager = fixture.CreateManager(options);

        var sending = manager.SendAsync(intent, cancel.Token);
        while (await Node.Rpc.GetTransactionCountAsync(sender.Address) == before)
        {
            await Task.Delay(20);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var stored = (await manager.GetRecordAsync(intent.IntentId))!;
        Assert.Equal(TransactionStatus.Sent, stored.Status);

        await Node.MineAsync(1);
        var outcome = await fixture.CreateManager(options).SendAsync(intent).WaitAsync(Timeout);

        Assert.Equal(stored.Latest.Hash, outcome.TransactionHash);
        Assert.Equal(before + 1, await Node.Rpc.GetTransactionCountAsync(sender.Address));
    }

    [Fact]
    public async Task Logs_mask_the_sender_and_never_contain_raw_bytes()
    {
        var sender = Node.DevSigners[6];
        var log = new RecordingLogger();
        var manager = fixture.CreateManager(logger: log);
        var intent = Transfer("logged:1", sender, LocalKeySigner.CreateRandom().Address, 1);

        await manager.SendAsync(intent).WaitAsync(Timeout);
        var stored = (await manager.GetRecordAsync(intent.IntentId))!;

        Assert.Contains(log.Lines, l => l.Contains(sender.Address.ToMaskedString(), StringComparison.Ordinal));
        Assert.DoesNotContain(log.Lines, l => l.Contains(sender.Address.ToLowerHex()[2..], StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(log.Lines, l => l.Contains(Hex.Encode(stored.Latest.Raw.Span)[2..], StringComparison.Ordinal));
        Assert.DoesNotContain(sender.Address.ToLowerHex()[2..], stored.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static TransactionIntent Transfer(string id, Nethereum.Signer.IEthExternalSigner from, Address to, BigInteger wei) =>
        new() { IntentId = id, From = from, To = to, Value = wei };
}
