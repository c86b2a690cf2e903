using System.Numerics;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The real app as a child process, killed with SIGKILL in the middle of a payment and started again: the payment
/// still ends paid, with exactly one escrow on chain and exactly one payout.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const string FunctionKey = "end-to-end-key";
    private static readonly string[] Terminal = ["Completed", "Failed", "Refunded", "Expired"];
    private LocalPaymentStack stack = null!;

    public async Task InitializeAsync() =>
        this.stack = await LocalPaymentStack.StartAsync(new LocalPaymentStackOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await this.stack.DisposeAsync();

    [Fact]
    public async Task A_payment_survives_the_app_being_killed_mid_lifecycle_with_one_escrow_and_one_payout()
    {
        var options = AppProcessOptions.ForStack(this.stack) with { FunctionKey = FunctionKey };
        options = options with
        {
            // A killed worker's leases expire sooner, so the restarted app picks the payment up within seconds.
            Settings = new Dictionary<string, string>(options.Settings, StringComparer.OrdinalIgnoreCase)
            {
                ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:lockTimeout"] = "00:00:05",
            },
        };
        var seller = Clabe.Create("012", "180", "55501239876");
        var sellerAccount = await this.stack.RegisterBankAccountAsync(seller, "Vendedora");

        string id;
        string killedAt;
        await using (var first = await AppProcess.StartAsync(options, CancellationToken.None))
        {
            using var client = first.CreateClient();
            id = await client.PayAsync(this.stack, 640.25m, seller);

            // Kill it while money is on the move: after the deposit was claimed, before the payout settled.
            killedAt = await client.WaitForStatusAsync(id, s => s is not "AwaitingDeposit");
            await first.KillAsync();
        }

        Assert.DoesNotContain(killedAt, Terminal);
        await using var second = await AppProcess.StartAsync(options, CancellationToken.None);
        using var restarted = second.CreateClient();
        var final = await restarted.WaitForStatusAsync(id, s => Terminal.Contains(s) || s == "OnHold");

        Assert.Equal("Completed", final);
        var lastEscrowId = (BigInteger)(await this.stack.Anvil.Rpc.CallAsync(
            this.stack.Deployment.Escrow, AbiFunction.Parse("function lastEscrowId() view returns (uint256)"), []))[0]!;
        Assert.Equal(BigInteger.One, lastEscrowId);
        var payouts = this.stack.Juno.Transactions.Where(t =>
            t.TransactionType == JunoTransactionType.Redemption && t.Details?.DestinationBankAccountId == sellerAccount.Id).ToList();
        var payout = Assert.Single(payouts);
        Assert.Equal(JunoTransactionStatus.Complete, payout.SummaryStatus);
        Assert.Equal(640.25m, payout.Amount);
    }
}
