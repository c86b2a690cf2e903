using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Stack;
using PaymentFunctions.Payments.Chain;
using PaymentFunctions.Payments.Ledger;
using PaymentFunctions.Payments.Persistence;
using Xunit.Abstractions;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>
/// A hundred payments through the real app on PostgreSQL while the app is SIGKILLed at pseudo-random moments and
/// started again on the same database: every payment still ends at rest with exactly one escrow on chain, exactly
/// one payout to the seller (or one refund to the buyer), one withdrawal and a balanced ledger. The schedule comes
/// from a seed printed at the start; <c>CHAOS_SEED</c> replays it (the kills land at the same uptimes, while what
/// is in flight at each kill still depends on the machine's speed).
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FunctionKey = "chaos-e2e-key";
    private const int PaymentCount = 100;
    private const int CreationConcurrency = 4;
    private const int MinKills = 5;
    private static readonly string[] Terminal = ["Completed", "Failed", "Refunded", "Expired"];
    private static readonly string[] WaitingForDeposit = ["AwaitingDeposit", "Funding"];
    private static readonly AbiFunction LastEscrowId = AbiFunction.Parse("function lastEscrowId() view returns (uint256)");
    private static readonly AbiFunction GetEscrow = AbiFunction.Parse(
        "function getEscrow(uint256 escrowId) view returns ((bytes32 paymentId, address payer, address payee, address token, uint256 amount, uint64 custodyEnd, uint64 createdAt, uint8 status))");

    private static readonly string[] InternalAccounts = [LedgerAccount.JunoMxn, LedgerAccount.JunoMxnb, LedgerAccount.BridgeMxnb, LedgerAccount.EscrowMxnb];

    private LocalPaymentStack stack = null!;

    public async Task InitializeAsync() =>
        this.stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await this.stack.DisposeAsync();

    [Fact]
    public async Task A_hundred_payments_survive_the_app_being_killed_at_random_moments_each_paid_exactly_once()
    {
        var seed = Environment.GetEnvironmentVariable("CHAOS_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var logPath = Path.Combine(Path.GetTempPath(), $"chaos-app-{seed.ToString(CultureInfo.InvariantCulture)}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.log");
        output.WriteLine($"chaos seed {seed} (CHAOS_SEED={seed} replays it); app output in {logPath}");

        // Every random choice is drawn here, in one order, so the seed alone decides them however the tasks interleave.
        var random = new Random(seed);
        var plans = new PlannedPayment[PaymentCount];
        for (var i = 0; i < PaymentCount; i++)
        {
            // Amounts differ (each in its own 50 MXN band), so a withdrawal can be told apart by its amount.
            var amount = 100m + (50m * i) + (random.Next(0, 5_000) / 100m);
            var custody = TimeSpan.FromMilliseconds(random.Next(1_000, 4_000));
            var account = (55_600_000_000L + (2L * i)).ToString(CultureInfo.InvariantCulture);
            var buyer = (55_600_000_001L + (2L * i)).ToString(CultureInfo.InvariantCulture);
            plans[i] = new PlannedPayment(
                i,
                amount,
                custody,
                await this.stack.RegisterBankAccountAsync(Clabe.Create("012", "180", account), "Vendedora"),
                await this.stack.RegisterBankAccountAsync(Clabe.Create("012", "180", buyer), "Comprador"));
        }

        // The payments come in stages, one stage per kill: stage k is created and funded after the k-th kill, and the
        // (k+1)-th kill lands a random moment after the whole stage was created, while its lifecycles (seconds each:
        // custody, chain transactions, Juno) are in flight. However fast the machine, every kill hits work.
        var plannedKills = random.Next(MinKills, MinKills + 3);
        var delays = new TimeSpan[plannedKills];
        for (var kill = 0; kill < plannedKills; kill++)
        {
            delays[kill] = TimeSpan.FromMilliseconds(random.Next(0, 700));
        }

        int StageOf(int index) => index * plannedKills / PaymentCount;

        output.WriteLine($"kills: {string.Join(", ", delays.Select((d, k) => $"{d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after stage {k} is created"))}");

        var options = AppProcessOptions.ForStack(this.stack) with { FunctionKey = FunctionKey, LogPath = logPath };
        options = options with
        {
            Settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
            {
                // A killed worker's leases expire sooner, so the restarted app picks its work up within seconds.
                ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:lockTimeout"] = "00:00:05",
                ["Payments:Lifecycle:StepRetryInterval"] = "00:00:00.500",
                ["Payments:Lifecycle:PollWithin"] = "00:00:02",
                ["Payments:Lifecycle:PollInterval"] = "00:00:00.250",
            },
        };

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = patience.Token;
        await using var app = await RestartingApp.StartAsync(options, ct);
        var ids = new string?[PaymentCount];
        var inFlightAtKill = new List<int>();
        var createdAtKill = new List<int>();
        var atRest = 0;

        var creation = Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = CreationConcurrency, CancellationToken = ct }, async (plan, token) =>
        {
            while (app.Kills < StageOf(plan.Index))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), token);
            }

            // The terms are fixed before the first attempt: a retry after a kill repeats them under the same key and gets the same payment.
            var deadline = DateTimeOffset.UtcNow.AddHours(1);
            var custodyEnd = DateTimeOffset.UtcNow + plan.Custody;
            var (id, depositClabe, _) = await app.CallAsync(
                (client, c) => client.CreatePaymentAsync(plan.Amount, Clabe.Parse(plan.Seller.Clabe), deadline, custodyEnd, Clabe.Parse(plan.Buyer.Clabe), $"chaos-{plan.Index}", c),
                token);
            ids[plan.Index] = id;
            this.stack.Juno.SimulateSpeiDeposit(depositClabe, Mxn.Of(plan.Amount));
            if (plan.Index % 10 == 9)
            {
                await app.CallAsync((client, c) => client.TriggerDepositDetectionAsync(c), token);
            }
        });

        var monkey = Task.Run(
            async () =>
            {
                for (var kill = 0; kill < plannedKills; kill++)
                {
                    var stage = kill;
                    while (Enumerable.Range(0, PaymentCount).Any(i => StageOf(i) == stage && Volatile.Read(ref ids[i]) is null))
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
                    }

                    await Task.Delay(delays[kill], ct);

                    if (creation.IsCompleted && Volatile.Read(ref atRest) == PaymentCount)
                    {
                        // Nothing in flight: a kill now would test nothing, and the kill count below says so.
                        break;
                    }

                    // In flight: not created yet, or created and not at rest at the last look.
                    inFlightAtKill.Add(PaymentCount - Volatile.Read(ref atRest));
                    createdAtKill.Add(ids.Count(id => id is not null));
                    await app.KillAndRestartAsync(ct);
                }
            },
            ct);

        var resumed = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, string> statuses = [];
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                if (monkey.IsFaulted || creation.IsFaulted)
                {
                    await Task.WhenAll(monkey, creation);
                }

                // The ids first: a payment created after the list was read would be missing from it.
                var created = ids.OfType<string>().ToList();
                var all = await app.CallAsync((client, c) => client.ListStatusesAsync(c), ct);
                statuses = created.ToDictionary(id => id, id => all[id], StringComparer.Ordinal);
                Volatile.Write(ref atRest, statuses.Values.Count(s => Terminal.Contains(s) || s == "OnHold"));
                if (creation.IsCompleted && monkey.IsCompleted && statuses.Values.All(Terminal.Contains))
                {
                    break;
                }

                if (statuses.Values.Any(WaitingForDeposit.Contains))
                {
                    // As the detection timer would (every minute in production): matches what a killed pass left unclaimed and re-raises claims whose event was lost.
                    await app.CallAsync((client, c) => client.TriggerDepositDetectionAsync(c), ct);
                }

                foreach (var (id, _) in statuses.Where(s => s.Value == "OnHold"))
                {
                    // A step that failed transiently while the app died under it (a Juno or chain call cut off, its
                    // retries spent across the restart) holds the funds rather than guess; an operator resumes it,
                    // and the step runs again under its own idempotency key, so nothing moves twice.
                    var answer = await app.CallAsync((client, c) => client.ResumeAsync(id, "chaos test: held after a kill mid-step", c), ct);
                    Assert.True(answer is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"resume {id}: {answer}");
                    resumed[id] = resumed.GetValueOrDefault(id) + 1;
                }
            }
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            Assert.Fail($"seed {seed}: not every payment came to rest within the time allowed; {await this.DescribeUnfinishedAsync(app, statuses)}");
        }

        await Task.WhenAll(creation, monkey);
        output.WriteLine($"{app.Kills} kills (payments created / in flight at each: {string.Join(", ", createdAtKill.Zip(inFlightAtKill, (c, f) => $"{c}/{f}"))}), {app.Starts} starts; resumed: {(resumed.Count == 0 ? "none" : string.Join(", ", resumed.Select(r => $"{r.Key}×{r.Value}")))}");
        output.WriteLine($"final: {string.Join(", ", statuses.Values.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}"))}");

        // The app really died, by SIGKILL, at least five times while payments were in flight, and came back each time.
        Assert.True(app.Kills >= MinKills, $"seed {seed}: only {app.Kills} kills before every payment was at rest");
        Assert.All(app.KilledExitCodes, code => Assert.Equal(137, code));
        Assert.All(inFlightAtKill, inFlight => Assert.True(inFlight > 0));
        Assert.Equal(app.Kills + 1, app.Starts);
        Assert.Equal(app.Starts, app.ProcessIds.Distinct().Count());

        Assert.All(ids, id => Assert.NotNull(id));
        Assert.Equal(PaymentCount, ids.Distinct().Count());
        Assert.All(statuses, s => Assert.True(s.Value is "Completed" or "Refunded", $"seed {seed}: {s.Key} ended {s.Value}"));
        await this.AssertEachPaidOnceAsync(plans, ids!, statuses, seed);
    }

    private async Task AssertEachPaidOnceAsync(PlannedPayment[] plans, string[] ids, Dictionary<string, string> statuses, int seed)
    {
        // Chain: every escrow the contract ever created, by the payment it was created for.
        var rpc = this.stack.Anvil.Rpc;
        var escrowAddress = this.stack.Deployment.Escrow;
        var lastEscrowId = (BigInteger)(await rpc.CallAsync(escrowAddress, LastEscrowId, []))[0]!;
        var escrows = new List<(string PaymentHash, BigInteger Amount, OnChainEscrowStatus Status)>();
        for (var escrowId = BigInteger.One; escrowId <= lastEscrowId; escrowId++)
        {
            var fields = (object?[])(await rpc.CallAsync(escrowAddress, GetEscrow, [escrowId]))[0]!;
            escrows.Add((Convert.ToHexString((byte[])fields[0]!), (BigInteger)fields[4]!, (OnChainEscrowStatus)(int)(BigInteger)fields[7]!));
        }

        Assert.Equal(0, await new Erc20(rpc, this.stack.Deployment.Token).BalanceOfAsync(escrowAddress));
        var juno = this.stack.Juno.Transactions;
        await using var services = new ServiceCollection().AddPaymentsDatabase(this.stack.Postgres).BuildServiceProvider();
        var store = services.GetRequiredService<PaymentStore>();
        foreach (var plan in plans)
        {
            var id = ids[plan.Index];
            var paid = statuses[id] == "Completed";
            var what = $"seed {seed}: payment {id} ({plan.Amount} MXN, {statuses[id]})";

            var hash = Convert.ToHexString(EscrowGateway.HashPaymentId(id));
            var escrow = Assert.Single(escrows, e => e.PaymentHash == hash);
            Assert.Equal(Mxnb(plan.Amount), escrow.Amount);
            Assert.True(paid ? escrow.Status == OnChainEscrowStatus.Released : escrow.Status is OnChainEscrowStatus.Refunded or OnChainEscrowStatus.Cancelled, $"{what}: escrow {escrow.Status}");

            var withdrawals = juno.Where(t => t.TransactionType == JunoTransactionType.CryptoWithdrawal && t.Amount == plan.Amount).ToList();
            Assert.True(withdrawals.Count == 1, $"{what}: {withdrawals.Count} withdrawals to the bridge");
            var toSeller = juno.Where(t => t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == plan.Seller.Id).ToList();
            var toBuyer = juno.Where(t => t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == plan.Buyer.Id).ToList();
            var (payee, other) = paid ? (toSeller, toBuyer) : (toBuyer, toSeller);
            Assert.True(payee.Count == 1 && other.Count == 0, $"{what}: {toSeller.Count} payouts to the seller, {toBuyer.Count} to the buyer");
            Assert.Equal(JunoTransactionStatus.Complete, payee[0].SummaryStatus);
            Assert.Equal(plan.Amount, payee[0].Amount);

            var balances = await store.GetBalancesAsync(id, CancellationToken.None);
            Assert.True(balances.Values.Sum() == 0m, $"{what}: ledger sums to {balances.Values.Sum()}");
            Assert.All(InternalAccounts, account => Assert.True(balances.GetValueOrDefault(account) == 0m, $"{what}: {account} holds {balances.GetValueOrDefault(account)}"));
            Assert.Equal(paid ? plan.Amount : 0m, balances.GetValueOrDefault(LedgerAccount.SellerBank));
            Assert.Equal(paid ? -plan.Amount : 0m, balances.GetValueOrDefault(LedgerAccount.BuyerBank));
        }

        Assert.Equal(PaymentCount, escrows.Count);
    }

    private async Task<string> DescribeUnfinishedAsync(RestartingApp app, Dictionary<string, string> statuses)
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var lines = new List<string> { string.Join(", ", statuses.Values.GroupBy(s => s).Select(g => $"{g.Key} {g.Count()}")) };
        foreach (var (id, status) in statuses.Where(s => !Terminal.Contains(s.Value)).Take(10))
        {
            var view = await app.CallAsync((client, c) => client.GetStringAsync(new Uri($"/api/payments/{id}", UriKind.Relative), c), quick.Token);
            var timeline = JsonDocument.Parse(view).RootElement.GetProperty("timeline").EnumerateArray().TakeLast(3).Select(e => e.GetProperty("text").GetString());
            lines.Add($"{id} {status}: {string.Join(" | ", timeline)}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static BigInteger Mxnb(decimal mxn) => new(mxn * 1_000_000m);

    private sealed record PlannedPayment(int Index, decimal Amount, TimeSpan Custody, JunoBankAccount Seller, JunoBankAccount Buyer);
}
