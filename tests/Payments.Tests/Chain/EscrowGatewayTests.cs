using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.TransactionManagement;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.Payments.Chain;

namespace PaymentFunctions.Payments.Tests.Chain;

/// <summary>
/// The escrow gateway against anvil, the Key Vault emulator (the bridge key) and PostgreSQL (the transaction
/// manager's intents), proving every outcome by on-chain token balances and the contract's own state.
/// </summary>
public sealed class EscrowGatewayTests(EscrowChainFixture chain) : IClassFixture<EscrowChainFixture>
{
    private static readonly BigInteger Mxnb = EscrowChainFixture.Mxnb;

    private EscrowGateway Gateway => chain.Gateway;

    [Fact]
    public async Task Fund_then_release_pays_the_platform_deposit_address_exactly()
    {
        var paymentId = NewPaymentId();
        var amount = 1_234_560_000;
        var before = await chain.BalancesAsync();

        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, amount, DateTimeOffset.UtcNow.AddDays(7));

        Assert.Equal(chain.Stack.Deployment.Escrow, funding.Contract);
        Assert.Equal(chain.Stack.BridgeAddress, funding.Payer);
        Assert.Equal(chain.Stack.PlatformDepositAddress, funding.Payee);
        Assert.NotEqual(funding.ApproveTransactionHash, funding.CreateTransactionHash);
        var funded = await chain.BalancesAsync();
        Assert.Equal(before.Bridge - amount, funded.Bridge);
        Assert.Equal(before.Escrow + amount, funded.Escrow);
        Assert.Equal(before.Payee, funded.Payee);
        var escrow = await Gateway.GetEscrowAsync(funding.EscrowId);
        Assert.NotNull(escrow);
        Assert.Equal(OnChainEscrowStatus.Funded, escrow.Status);
        Assert.Equal(new BigInteger(amount), escrow.Amount);
        Assert.Equal(EscrowGateway.HashPaymentId(paymentId), escrow.PaymentIdHash.ToArray());
        Assert.Equal(chain.Stack.BridgeAddress, escrow.Payer);
        Assert.Equal(chain.Stack.PlatformDepositAddress, escrow.Payee);
        Assert.Equal(chain.Stack.Deployment.Token, escrow.Token);

        var release = await Gateway.ReleaseAsync(Step(paymentId, 5), funding.EscrowId);

        var released = await chain.BalancesAsync();
        Assert.Equal(funded.Bridge, released.Bridge);
        Assert.Equal(before.Escrow, released.Escrow);
        Assert.Equal(before.Payee + amount, released.Payee);
        Assert.Equal(OnChainEscrowStatus.Released, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        var receipt = await chain.Stack.Anvil.Rpc.GetTransactionReceiptAsync(release);
        Assert.True(receipt!.Succeeded);
    }

    [Fact]
    public async Task Released_tokens_reach_juno_as_a_crypto_deposit()
    {
        var paymentId = NewPaymentId();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 250 * Mxnb, DateTimeOffset.UtcNow.AddHours(1));
        var junoBefore = chain.Stack.Juno.MxnbBalance;

        var release = await Gateway.ReleaseAsync(Step(paymentId, 5), funding.EscrowId);
        await chain.Stack.ScanDepositsAsync();

        var deposit = Assert.Single(chain.Stack.Juno.Transactions, t =>
            t.TransactionType == JunoTransactionType.CryptoDeposit && string.Equals(t.Details?.TxHash, release, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(250m, deposit.Amount);
        Assert.Equal(junoBefore + MxnbAmount.FromTokens(250m), chain.Stack.Juno.MxnbBalance);
    }

    [Fact]
    public async Task Fund_then_refund_returns_the_tokens_to_the_bridge()
    {
        var paymentId = NewPaymentId();
        var before = await chain.BalancesAsync();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 40 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));

        await Gateway.RefundAsync(Step(paymentId, 6), funding.EscrowId);

        Assert.Equal(before, await chain.BalancesAsync());
        Assert.Equal(OnChainEscrowStatus.Refunded, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
    }

    [Fact]
    public async Task Dispute_resolved_to_the_payee_pays_the_payee()
    {
        var paymentId = NewPaymentId();
        var before = await chain.BalancesAsync();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 75 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));

        await Gateway.DisputeAsync(Step(paymentId, 4), funding.EscrowId);
        Assert.Equal(OnChainEscrowStatus.Disputed, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        var disputed = await chain.BalancesAsync();
        Assert.Equal(before.Escrow + (75 * Mxnb), disputed.Escrow);

        await Gateway.ResolveDisputeAsync(Step(paymentId, 5), funding.EscrowId, toPayee: true);

        var after = await chain.BalancesAsync();
        Assert.Equal(OnChainEscrowStatus.Released, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        Assert.Equal(before.Payee + (75 * Mxnb), after.Payee);
        Assert.Equal(before.Bridge - (75 * Mxnb), after.Bridge);
        Assert.Equal(before.Escrow, after.Escrow);
    }

    [Fact]
    public async Task Dispute_resolved_to_the_payer_refunds_the_bridge()
    {
        var paymentId = NewPaymentId();
        var before = await chain.BalancesAsync();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 60 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
        await Gateway.DisputeAsync(Step(paymentId, 4), funding.EscrowId);

        await Gateway.ResolveDisputeAsync(Step(paymentId, 5), funding.EscrowId, toPayee: false);

        Assert.Equal(OnChainEscrowStatus.Refunded, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        Assert.Equal(before, await chain.BalancesAsync());
    }

    [Fact]
    public async Task Cancel_before_custody_ends_returns_the_tokens_to_the_bridge()
    {
        var paymentId = NewPaymentId();
        var before = await chain.BalancesAsync();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 15 * Mxnb, DateTimeOffset.UtcNow.AddHours(2));

        await Gateway.CancelAsync(Step(paymentId, 4), funding.EscrowId);

        Assert.Equal(OnChainEscrowStatus.Cancelled, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        Assert.Equal(before, await chain.BalancesAsync());
    }

    [Fact]
    public async Task Funding_twice_with_one_step_key_creates_exactly_one_escrow()
    {
        var paymentId = NewPaymentId();
        var step = Step(paymentId, 3);
        var before = await chain.BalancesAsync();
        var nonceBefore = await chain.Stack.Anvil.Rpc.GetTransactionCountAsync(chain.Stack.BridgeAddress, BlockParameter.Latest);

        var first = await Gateway.FundEscrowAsync(step, paymentId, 99 * Mxnb, DateTimeOffset.UtcNow.AddDays(3));
        var nonceAfterFirst = await chain.Stack.Anvil.Rpc.GetTransactionCountAsync(chain.Stack.BridgeAddress, BlockParameter.Latest);
        var second = await Gateway.FundEscrowAsync(step, paymentId, 99 * Mxnb, DateTimeOffset.UtcNow.AddDays(3));

        Assert.Equal(first, second);
        var after = await chain.BalancesAsync();
        Assert.Equal(before.Bridge - (99 * Mxnb), after.Bridge);
        Assert.Equal(before.Escrow + (99 * Mxnb), after.Escrow);

        // createEscrow, plus an approve only when the standing allowance was not set yet; the second run sends nothing.
        Assert.InRange(nonceAfterFirst - nonceBefore, BigInteger.One, new BigInteger(2));
        Assert.Equal(nonceAfterFirst, await chain.Stack.Anvil.Rpc.GetTransactionCountAsync(chain.Stack.BridgeAddress, BlockParameter.Latest));
    }

    [Fact]
    public async Task Payments_funded_concurrently_from_the_bridge_all_get_their_escrow()
    {
        // Per-payment approvals would overwrite each other between approve and createEscrow; the standing allowance cannot.
        var before = await chain.BalancesAsync();
        var ids = Enumerable.Range(0, 6).Select(_ => NewPaymentId()).ToList();

        var fundings = await Task.WhenAll(ids.Select((id, i) => Gateway.FundEscrowAsync(Step(id, 3), id, (10 + i) * Mxnb, DateTimeOffset.UtcNow.AddDays(1))));

        Assert.Equal(6, fundings.Select(f => f.EscrowId).Distinct().Count());
        Assert.Equal(before.Escrow + (75 * Mxnb), (await chain.BalancesAsync()).Escrow);
    }

    [Fact]
    public async Task Funding_the_same_step_concurrently_creates_exactly_one_escrow()
    {
        var paymentId = NewPaymentId();
        var step = Step(paymentId, 3);
        var before = await chain.BalancesAsync();

        // A custody end in the past makes each run read the chain's clock for its own custody end.
        var runs = await Task.WhenAll(
            Gateway.FundEscrowAsync(step, paymentId, 12 * Mxnb, DateTimeOffset.UnixEpoch),
            Gateway.FundEscrowAsync(step, paymentId, 12 * Mxnb, DateTimeOffset.UnixEpoch));

        Assert.Equal(runs[0].EscrowId, runs[1].EscrowId);
        Assert.Equal(runs[0].CreateTransactionHash, runs[1].CreateTransactionHash);
        var after = await chain.BalancesAsync();
        Assert.Equal(before.Bridge - (12 * Mxnb), after.Bridge);
        Assert.Equal(before.Escrow + (12 * Mxnb), after.Escrow);
    }

    [Fact]
    public async Task A_funding_step_stopped_after_sending_createEscrow_finishes_that_transaction_when_retried()
    {
        // Another payment first, so the bridge's standing allowance is set and the run under test sends only createEscrow.
        var earlier = NewPaymentId();
        await Gateway.FundEscrowAsync(Step(earlier, 3), earlier, 1 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
        var paymentId = NewPaymentId();
        var step = Step(paymentId, 3);
        var before = await chain.BalancesAsync();
        var anvil = chain.Stack.Anvil;
        await anvil.SetAutomineAsync(false);
        try
        {
            // The first run sends createEscrow and "crashes" while it waits in the pool.
            using var crash = new CancellationTokenSource();
            var first = Gateway.FundEscrowAsync(step, paymentId, 44 * Mxnb, DateTimeOffset.UnixEpoch, crash.Token);
            await WaitUntilPooledAsync();
            await crash.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
            var transactions = chain.Services.GetRequiredService<TransactionManager>();
            var stored = await transactions.GetRecordAsync($"{step}:create");
            Assert.NotNull(stored);

            // The retry reads a later chain clock, yet re-drives the stored createEscrow instead of signing another.
            var retry = Gateway.FundEscrowAsync(step, paymentId, 44 * Mxnb, DateTimeOffset.UnixEpoch);
            await anvil.IncreaseTimeAsync(TimeSpan.FromSeconds(5));
            await anvil.MineAsync();
            var funding = await retry;
            Assert.Equal(stored.Latest.Hash, funding.CreateTransactionHash);
            Assert.Single((await transactions.GetRecordAsync($"{step}:create"))!.Attempts);

            var after = await chain.BalancesAsync();
            Assert.Equal(before.Bridge - (44 * Mxnb), after.Bridge);
            Assert.Equal(before.Escrow + (44 * Mxnb), after.Escrow);
            Assert.Equal(OnChainEscrowStatus.Funded, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
            var bridge = chain.Stack.BridgeAddress;
            Assert.Equal(await anvil.Rpc.GetTransactionCountAsync(bridge, BlockParameter.Latest), await anvil.Rpc.GetTransactionCountAsync(bridge, BlockParameter.Pending));
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
        }
    }

    [Fact]
    public async Task A_funding_step_that_stored_its_approve_but_crashed_before_sending_it_sends_it_when_retried()
    {
        // Two first payments race for the bridge's allowance, as on a fresh stack: both find it short and both store an
        // approve. The earlier one's approve is mined; the other process dies between storing its approve and sending it.
        // That approve holds a nonce, so until it is sent no later transaction of the bridge can be mined: the retry must
        // send it even though the allowance is no longer short.
        var services = chain.Services;
        var bridge = services.GetRequiredKeyedService<KeyVaultSigner>(PaymentChainServiceCollectionExtensions.ServiceKey);
        var transactions = services.GetRequiredService<TransactionManager>();
        var anvil = chain.Stack.Anvil;
        await transactions.SendAsync(new TransactionIntent
        {
            IntentId = $"reset-allowance-{Guid.NewGuid():N}",
            From = bridge,
            To = chain.Stack.Deployment.Token,
            Data = Erc20.EncodeApprove(chain.Stack.Deployment.Escrow, BigInteger.Zero),
        });
        var crashing = new EscrowGateway(
            anvil.Rpc,
            new TransactionManager(
                services.GetRequiredService<EthereumRpcClient>(),
                services.GetRequiredKeyedService<NpgsqlDataSource>(PaymentChainServiceCollectionExtensions.ServiceKey),
                new TransactionManagerOptions { Confirmations = 1, PollInterval = TimeSpan.FromMilliseconds(50) })
            {
                Hooks = new TransactionManagerHooks { AfterPersistAsync = (_, _) => throw new IOException("simulated crash after the approve was stored") },
            },
            bridge,
            services.GetRequiredService<IOptions<PaymentChainOptions>>());
        var earlier = NewPaymentId();
        var crashed = NewPaymentId();
        var step = Step(crashed, 3);
        var before = await chain.BalancesAsync();

        await anvil.SetAutomineAsync(false);
        Task<EscrowFunding> earlierFunding;
        try
        {
            earlierFunding = Gateway.FundEscrowAsync(Step(earlier, 3), earlier, 5 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
            await WaitUntilPooledAsync();
            await Assert.ThrowsAsync<IOException>(() => crashing.FundEscrowAsync(step, crashed, 6 * Mxnb, DateTimeOffset.UtcNow.AddDays(1)));
            var stored = await transactions.GetRecordAsync($"{step}:approve");
            Assert.Equal(TransactionStatus.Persisted, stored!.Status);
        }
        finally
        {
            await anvil.SetAutomineAsync(true);
            await anvil.MineAsync();
        }

        var funding = await Gateway.FundEscrowAsync(step, crashed, 6 * Mxnb, DateTimeOffset.UtcNow.AddDays(1)).WaitAsync(TimeSpan.FromSeconds(60));
        await earlierFunding.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(TransactionStatus.Confirmed, (await transactions.GetRecordAsync($"{step}:approve"))!.Status);
        Assert.Equal(OnChainEscrowStatus.Funded, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
        var after = await chain.BalancesAsync();
        Assert.Equal(before.Bridge - (11 * Mxnb), after.Bridge);
        Assert.Equal(before.Escrow + (11 * Mxnb), after.Escrow);
        var address = chain.Stack.BridgeAddress;
        Assert.Equal(await anvil.Rpc.GetTransactionCountAsync(address, BlockParameter.Latest), await anvil.Rpc.GetTransactionCountAsync(address, BlockParameter.Pending));
    }

    [Fact]
    public async Task Funding_an_already_escrowed_payment_under_a_new_step_key_returns_the_escrow_and_sends_nothing()
    {
        var paymentId = NewPaymentId();
        var first = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 30 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
        var before = await chain.BalancesAsync();
        var nonceBefore = await chain.Stack.Anvil.Rpc.GetTransactionCountAsync(chain.Stack.BridgeAddress, BlockParameter.Latest);

        var again = await Gateway.FundEscrowAsync(Step(paymentId, 9), paymentId, 30 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));

        Assert.Equal(first.EscrowId, again.EscrowId);
        Assert.Equal(first.CreateTransactionHash, again.CreateTransactionHash);
        Assert.Equal(string.Empty, again.ApproveTransactionHash);
        Assert.Equal(before, await chain.BalancesAsync());
        Assert.Equal(nonceBefore, await chain.Stack.Anvil.Rpc.GetTransactionCountAsync(chain.Stack.BridgeAddress, BlockParameter.Latest));
    }

    [Fact]
    public async Task A_custody_end_not_after_the_chain_clock_is_moved_after_it()
    {
        var paymentId = NewPaymentId();

        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 5 * Mxnb, DateTimeOffset.UtcNow.AddMinutes(-5));

        var escrow = await Gateway.GetEscrowAsync(funding.EscrowId);
        Assert.True(escrow!.CustodyEnd > escrow.CreatedAt);
        await Gateway.ReleaseAsync(Step(paymentId, 4), funding.EscrowId);
        Assert.Equal(OnChainEscrowStatus.Released, (await Gateway.GetEscrowAsync(funding.EscrowId))!.Status);
    }

    [Fact]
    public async Task Retrying_a_release_with_its_step_key_returns_the_same_transaction()
    {
        var paymentId = NewPaymentId();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 20 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
        var first = await Gateway.ReleaseAsync(Step(paymentId, 5), funding.EscrowId);
        var payee = await chain.BalanceAsync(chain.Stack.PlatformDepositAddress);

        var retried = await Gateway.ReleaseAsync(Step(paymentId, 5), funding.EscrowId);

        Assert.Equal(first, retried);
        Assert.Equal(payee, await chain.BalanceAsync(chain.Stack.PlatformDepositAddress));
    }

    [Fact]
    public async Task Releasing_a_refunded_escrow_fails_permanently_with_the_decoded_reason()
    {
        var paymentId = NewPaymentId();
        var funding = await Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, 10 * Mxnb, DateTimeOffset.UtcNow.AddDays(1));
        await Gateway.RefundAsync(Step(paymentId, 4), funding.EscrowId);
        var before = await chain.BalancesAsync();

        var failure = await Assert.ThrowsAsync<EscrowTransactionFailedException>(() => Gateway.ReleaseAsync(Step(paymentId, 5), funding.EscrowId));

        Assert.Equal("release", failure.Operation);
        Assert.Equal($"{Step(paymentId, 5)}:release", failure.IntentId);
        Assert.Equal("InvalidStatus", failure.Revert?.ErrorName);
        Assert.Equal(funding.EscrowId, (BigInteger)failure.Revert!.Arguments[0]!);
        Assert.Equal(new BigInteger((int)OnChainEscrowStatus.Refunded), (BigInteger)failure.Revert.Arguments[1]!);
        Assert.Null(failure.TransactionHash);
        Assert.Equal(before, await chain.BalancesAsync());
    }

    [Fact]
    public async Task Funding_more_than_the_bridge_holds_fails_permanently_and_moves_nothing()
    {
        var paymentId = NewPaymentId();
        var before = await chain.BalancesAsync();

        var failure = await Assert.ThrowsAsync<EscrowTransactionFailedException>(() =>
            Gateway.FundEscrowAsync(Step(paymentId, 3), paymentId, before.Bridge + 1, DateTimeOffset.UtcNow.AddDays(1)));

        Assert.Equal("create", failure.Operation);
        Assert.Equal("ERC20InsufficientBalance", failure.Revert?.ErrorName);
        Assert.Equal(before, await chain.BalancesAsync());
    }

    [Fact]
    public async Task Transfers_bridge_tokens_once_per_step_key()
    {
        var to = new Address(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Address.Length));
        var step = Step(NewPaymentId(), 8);

        var first = await Gateway.TransferTokensAsync(step, to, 7 * Mxnb);
        var retried = await Gateway.TransferTokensAsync(step, to, 7 * Mxnb);

        Assert.Equal(first, retried);
        Assert.Equal(7 * Mxnb, await Gateway.GetTokenBalanceAsync(to));
    }

    [Fact]
    public async Task Reports_the_bridge_address_and_no_escrow_for_an_unknown_id()
    {
        Assert.Equal(chain.Stack.BridgeAddress, await Gateway.GetBridgeAddressAsync());
        Assert.Null(await Gateway.GetEscrowAsync(BigInteger.Pow(10, 12)));
    }

    /// <summary>Waits until the bridge has a transaction in the pool (mining is off).</summary>
    private async Task WaitUntilPooledAsync()
    {
        var rpc = chain.Stack.Anvil.Rpc;
        var bridge = chain.Stack.BridgeAddress;
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await rpc.GetTransactionCountAsync(bridge, BlockParameter.Pending) == await rpc.GetTransactionCountAsync(bridge, BlockParameter.Latest))
        {
            await Task.Delay(20, patience.Token);
        }
    }

    private static string NewPaymentId() => $"pay_{Guid.NewGuid():N}";

    private static string Step(string paymentId, int sequence) => $"payment-{paymentId}:{sequence}";
}
