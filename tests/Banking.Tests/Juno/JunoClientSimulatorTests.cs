using System.Net;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.Banking.Tests.Juno;

/// <summary>The real client against the local simulator: every endpoint, idempotency and retries under faults.</summary>
public sealed class JunoClientSimulatorTests
{
    private const string Redemptions = "/mint_platform/v1/redemptions";
    private const string Withdrawals = "/mint_platform/v1/withdrawals";
    private const string Address = "0x871697383394d6fbB253A2D6c799C398dAe08365";

    [Fact]
    public async Task Spei_deposit_creates_complete_issuance_visible_in_transactions_and_balance()
    {
        await using var f = await SimulatorFixture.StartAsync();

        await f.Client.CreateTestDepositAsync(new JunoTestDepositRequest { Amount = "1500.50", ReceiverClabe = f.Simulator.DefaultClabe.Value });

        var page = await f.Client.ListTransactionsAsync(new JunoTransactionQuery { Type = JunoTransactionType.Issuance });
        var issuance = Assert.Single(page.Response);
        Assert.Equal(JunoTransactionStatus.Complete, issuance.SummaryStatus);
        Assert.Equal(1500.50m, issuance.Amount);
        Assert.Equal(f.Simulator.DefaultClabe.Value, issuance.Details!.ReceiverClabe);
        Assert.Equal(issuance, await f.Client.GetTransactionAsync(issuance.Id));
        var balance = Assert.Single((await f.Client.GetBalancesAsync()).Balances);
        Assert.Equal(1500.50m, balance.Balance);
    }

    [Fact]
    public async Task Deposit_under_100_mxn_fails_the_issuance_and_issues_nothing()
    {
        await using var f = await SimulatorFixture.StartAsync();

        var tx = f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(99.99m));

        Assert.Equal(JunoTransactionStatus.Failed, (await f.Client.GetTransactionAsync(tx.Id)).SummaryStatus);
        Assert.Equal(MxnbAmount.Zero, f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Creates_lists_and_reads_auto_payment_clabes()
    {
        await using var f = await SimulatorFixture.StartAsync();

        var created = await f.Client.CreateClabeAsync();
        var list = await f.Client.ListClabesAsync(pageSize: 100);
        var read = await f.Client.GetClabeAsync(created.Clabe);

        Assert.True(Clabe.TryParse(created.Clabe, out _));
        Assert.Equal("AUTO_PAYMENT", created.Type);
        Assert.Contains(list.Response, c => c.Clabe == created.Clabe);
        Assert.Contains(list.Response, c => c.Clabe == f.Simulator.DefaultClabe.Value);
        Assert.Equal(created.Clabe, read.Clabe);
        var missing = await Assert.ThrowsAsync<JunoApiException>(() => f.Client.GetClabeAsync("710969000000000000"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Lists_registered_bank_accounts()
    {
        await using var f = await SimulatorFixture.StartAsync();
        var extra = f.Simulator.RegisterBankAccount(Clabe.Create("072", "580", "42"), "Proveedor SA");

        var accounts = await f.Client.ListBankAccountsAsync();

        Assert.Contains(accounts, a => a.Id == f.Simulator.DefaultBankAccountId);
        Assert.Contains(accounts, a => a.Id == extra.Id && a.Clabe == extra.Clabe && a.RecipientLegalName == "Proveedor SA");
    }

    [Fact]
    public async Task Withdrawal_moves_tokens_on_chain_once_per_idempotency_key()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(1000m));

        var request = new JunoWithdrawalRequest { Amount = "400.25", Address = Address };
        var first = await f.Client.CreateWithdrawalAsync(request, "payment-1:3");
        var again = await f.Client.CreateWithdrawalAsync(request, "payment-1:3");

        Assert.Equal(JunoTransactionStatus.Complete, first.SummaryStatus);
        Assert.Equal(JunoTransactionType.CryptoWithdrawal, first.TransactionType);
        Assert.Equal(first.Id, again.Id);
        var transfer = Assert.Single(((RecordingChainTransfer)f.Simulator.ChainTransfer).Transfers);
        Assert.Equal(Address, transfer.ToAddress);
        Assert.Equal(MxnbAmount.FromTokens(400.25m), transfer.Amount);
        Assert.Equal(transfer.TxHash, first.Details!.TxHash);
        Assert.Equal(MxnbAmount.FromTokens(599.75m), f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Redemption_retried_after_commit_then_drop_returns_the_same_transaction_and_debits_once()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(1000m));
        f.Simulator.SetFault(Redemptions, new JunoFault { DropNext = 2 });

        var tx = await f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "300.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId },
            "payment-9:12");

        Assert.Equal(3, f.Simulator.AttemptsOn(Redemptions));
        var redemption = Assert.Single(f.Simulator.Transactions, t => t.TransactionType == JunoTransactionType.Redemption);
        Assert.Equal(redemption.Id, tx.Id);
        Assert.Equal(JunoTransactionStatus.Complete, tx.SummaryStatus);
        Assert.Equal(Mxn.Of(700m).ToMxnb(), f.Simulator.MxnbBalance);
        Assert.NotNull(tx.Details!.TrackingKey);
    }

    [Fact]
    public async Task Withdrawal_retried_after_commit_then_drop_is_not_duplicated()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(500m));
        f.Simulator.SetFault(Withdrawals, new JunoFault { DropNext = 1 });

        var tx = await f.Client.CreateWithdrawalAsync(new JunoWithdrawalRequest { Amount = "200", Address = Address }, "payment-2:5");

        Assert.Equal(2, f.Simulator.AttemptsOn(Withdrawals));
        Assert.Single(f.Simulator.Transactions, t => t.TransactionType == JunoTransactionType.CryptoWithdrawal);
        Assert.Single(((RecordingChainTransfer)f.Simulator.ChainTransfer).Transfers);
        Assert.Equal(JunoTransactionStatus.Complete, tx.SummaryStatus);
        Assert.Equal(Mxn.Of(300m).ToMxnb(), f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Injected_5xx_is_retried_until_success_without_duplicating_the_payout()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(1000m));
        f.Simulator.SetFault(Redemptions, new JunoFault { FailNext = 3, ErrorStatus = 503 });

        var tx = await f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "100.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId }, "payment-3:1");

        Assert.Equal(4, f.Simulator.AttemptsOn(Redemptions));
        Assert.Single(f.Simulator.Transactions, t => t.TransactionType == JunoTransactionType.Redemption);
        Assert.Equal(Mxn.Of(900m).ToMxnb(), f.Simulator.MxnbBalance);
        Assert.Equal(JunoTransactionStatus.Complete, tx.SummaryStatus);
    }

    [Fact]
    public async Task Rate_limiting_is_retried()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SetFault("/mint_platform/v1/balances", new JunoFault { FailNext = 2, ErrorStatus = 429 });

        await f.Client.GetBalancesAsync();

        Assert.Equal(3, f.Simulator.AttemptsOn("/mint_platform/v1/balances"));
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_max_retries()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SetFault("/mint_platform/v1/balances", new JunoFault { ErrorRate = 1.0, ErrorStatus = 500 });

        var ex = await Assert.ThrowsAsync<JunoApiException>(() => f.Client.GetBalancesAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1 + f.Options.MaxRetries, f.Simulator.AttemptsOn("/mint_platform/v1/balances"));
    }

    [Fact]
    public async Task Timed_out_attempt_is_retried()
    {
        await using var f = await SimulatorFixture.StartAsync(configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        f.Simulator.SetFault("/mint_platform/v1/transactions", new JunoFault { TimeoutNext = 1 });

        var page = await f.Client.ListTransactionsAsync(new JunoTransactionQuery());

        Assert.Empty(page.Response);
        Assert.Equal(2, f.Simulator.AttemptsOn("/mint_platform/v1/transactions"));
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var f = await SimulatorFixture.StartAsync();

        var insufficient = await Assert.ThrowsAsync<JunoApiException>(() => f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "150.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId }, "payment-4:1"));
        var unknown = await Assert.ThrowsAsync<JunoApiException>(() => f.Client.GetTransactionAsync("00000000-0000-4000-8000-000000000000"));

        Assert.Equal(HttpStatusCode.BadRequest, insufficient.StatusCode);
        Assert.Equal("insufficient_balance", insufficient.Code);
        Assert.Equal(1, f.Simulator.AttemptsOn(Redemptions));
        Assert.True(unknown.IsNotFound);
        Assert.Equal(1, f.Simulator.AttemptsOn("/mint_platform/v1/transactions/"));
        Assert.DoesNotContain(f.Simulator.Transactions, t => t.TransactionType == JunoTransactionType.Redemption);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_and_not_retried()
    {
        await using var f = await SimulatorFixture.StartAsync();
        var impostor = f.CreateClient(o => o.ApiSecret = "not-the-secret");

        var ex = await Assert.ThrowsAsync<JunoApiException>(() => impostor.GetBalancesAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_signature", ex.Code);
    }

    [Fact]
    public async Task Pages_through_filtered_transactions()
    {
        await using var f = await SimulatorFixture.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(100m * i));
        }

        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(50m));

        var ids = new List<string>();
        var query = new JunoTransactionQuery { Type = JunoTransactionType.Issuance, Status = JunoTransactionStatus.Complete, Size = 2 };
        JunoPage<JunoTransaction> page;
        do
        {
            page = await f.Client.ListTransactionsAsync(query);
            ids.AddRange(page.Response.Select(t => t.Id));
            query = query with { Page = query.Page + 1 };
        }
        while (page.HasMore);

        Assert.Equal(3, page.TotalPages);
        Assert.Equal(5, ids.Distinct().Count());
        var big = await f.Client.ListTransactionsAsync(new JunoTransactionQuery { AmountFrom = 300m, AmountTo = 400m });
        Assert.Equal([400m, 300m], big.Response.Select(t => t.Amount));
    }

    [Fact]
    public async Task Returned_payout_fails_the_redemption_and_restores_the_balance()
    {
        await using var f = await SimulatorFixture.StartAsync(new JunoSimulatorOptions { PayoutMode = JunoPayoutMode.Return });
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(250m));

        var tx = await f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "250.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId }, "payment-5:1");

        Assert.Equal(JunoTransactionStatus.Failed, tx.SummaryStatus);
        Assert.NotNull(tx.Details!.FailureReason);
        Assert.Equal(Mxn.Of(250m).ToMxnb(), f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Manual_payout_stays_in_progress_until_settled()
    {
        await using var f = await SimulatorFixture.StartAsync(new JunoSimulatorOptions { PayoutMode = JunoPayoutMode.Manual });
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(250m));

        var tx = await f.Client.CreateRedemptionAsync(
            new JunoRedemptionRequest { Amount = "200.00", DestinationBankAccountId = f.Simulator.DefaultBankAccountId }, "payment-6:1");
        Assert.Equal(JunoTransactionStatus.InProgress, tx.SummaryStatus);
        Assert.Equal(Mxn.Of(50m).ToMxnb(), f.Simulator.MxnbBalance);

        f.Simulator.SettlePayout(tx.Id);

        Assert.Equal(JunoTransactionStatus.Complete, (await f.Client.GetTransactionAsync(tx.Id)).SummaryStatus);
        Assert.Equal(Mxn.Of(50m).ToMxnb(), f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Tokens_sent_to_the_deposit_address_appear_as_crypto_deposit()
    {
        await using var f = await SimulatorFixture.StartAsync();

        f.Simulator.SimulateCryptoDeposit(MxnbAmount.FromTokens(12.345678m), Address, "0xabc");

        var deposit = Assert.Single((await f.Client.ListTransactionsAsync(new JunoTransactionQuery { Type = JunoTransactionType.CryptoDeposit })).Response);
        Assert.Equal(12.345678m, deposit.Amount);
        Assert.Equal(JunoTransactionStatus.Complete, deposit.SummaryStatus);
        Assert.Equal(12.345678m, Assert.Single((await f.Client.GetBalancesAsync()).Balances).Balance);
    }

    [Fact]
    public async Task Issuance_is_idempotent_per_key()
    {
        await using var f = await SimulatorFixture.StartAsync();

        var a = await f.Client.CreateIssuanceAsync(new JunoIssuanceRequest { Amount = "150" }, "payment-7:1");
        var b = await f.Client.CreateIssuanceAsync(new JunoIssuanceRequest { Amount = "150" }, "payment-7:1");
        var c = await f.Client.CreateIssuanceAsync(new JunoIssuanceRequest { Amount = "150" }, "payment-7:2");

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Equal(Mxn.Of(300m).ToMxnb(), f.Simulator.MxnbBalance);
    }

    [Fact]
    public async Task Concurrent_calls_on_one_client_keep_nonces_in_order()
    {
        await using var f = await SimulatorFixture.StartAsync();
        f.Simulator.SetFault("/mint_platform/v1/balances", new JunoFault { LatencyMs = 2 });

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => f.Client.GetBalancesAsync())));

        Assert.Equal(40, f.Simulator.AttemptsOn("/mint_platform/v1/balances"));
    }

    [Fact]
    public async Task Lists_spei_deposits_filtered_by_receiving_clabe()
    {
        await using var f = await SimulatorFixture.StartAsync();
        var other = Clabe.Parse((await f.Client.CreateClabeAsync()).Clabe);
        f.Simulator.SimulateSpeiDeposit(f.Simulator.DefaultClabe, Mxn.Of(150m));
        f.Simulator.SimulateSpeiDeposit(other, Mxn.Of(275.5m));
        f.Simulator.SimulateSpeiDeposit(other, Mxn.Of(80m));

        var page = await f.Client.ListDepositsAsync(new JunoDepositQuery
        {
            ReceiverClabe = other.Value,
            StartDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
        });

        Assert.Equal(2, page.TotalItems);
        Assert.Equal([80m, 275.5m], page.Response.Select(d => d.Amount));
        Assert.All(page.Response, d => Assert.Equal(other.Value, d.ReceiverClabe));
        Assert.All(page.Response, d => Assert.False(string.IsNullOrEmpty(d.TrackingKey)));
    }
}
