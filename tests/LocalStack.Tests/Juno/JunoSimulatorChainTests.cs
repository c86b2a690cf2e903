using System.Numerics;
using Microsoft.Extensions.Options;
using PaymentFunctions.Banking.Amounts;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Juno;

namespace PaymentFunctions.LocalStack.Tests.Juno;

/// <summary>Simulator withdrawals and crypto deposits backed by real MXNB on anvil.</summary>
public sealed class JunoSimulatorChainTests
{
    [Fact]
    public async Task Withdrawal_transfers_real_mxnb_and_tokens_sent_back_become_one_crypto_deposit()
    {
        await using var node = await AnvilNode.StartAsync();
        var treasury = node.DevSigners[1];
        var bridge = node.DevSigners[2];
        var deployment = await ContractDeployer.DeployAsync(node, new ContractDeploymentOptions { Minters = [treasury.Address] });
        var rpc = node.CreateRpcClient();
        var transactor = new ContractTransactor(rpc, node.ChainId);
        var token = new Erc20(rpc, deployment.Token);
        await using var sim = await JunoSimulator.StartAsync(new JunoSimulatorOptions { ChainTransfer = new AnvilChainTransfer(transactor, token, treasury) });
        using var http = new HttpClient();
        var options = sim.CreateClientOptions();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        var client = new JunoClient(http, Options.Create(options));
        sim.SimulateSpeiDeposit(sim.DefaultClabe, Mxn.Of(1000m));

        var withdrawal = await client.CreateWithdrawalAsync(
            new JunoWithdrawalRequest { Amount = "400.5", Address = bridge.Address.ToString() }, "payment-1:2");

        Assert.Equal(JunoTransactionStatus.Complete, withdrawal.SummaryStatus);
        Assert.Equal(new BigInteger(400_500_000), await token.BalanceOfAsync(bridge.Address));
        var receipt = await rpc.GetTransactionReceiptAsync(withdrawal.Details!.TxHash!);
        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);

        // The bridge wallet sends part of it to the simulator's deposit address.
        await transactor.SendAsync(bridge, deployment.Token, Erc20.EncodeTransfer(Address.Parse(sim.DepositAddress), 150_000_000), BigInteger.Zero);
        var scanner = new ChainDepositScanner(sim, token);
        var first = await scanner.ScanAsync();
        var second = await scanner.ScanAsync();

        var deposit = Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(150m, deposit.Amount);
        Assert.Equal(JunoTransactionType.CryptoDeposit, deposit.TransactionType);
        Assert.Equal(MxnbAmount.FromTokens(749.5m), sim.MxnbBalance);
        var listed = await client.ListTransactionsAsync(new JunoTransactionQuery { Type = JunoTransactionType.CryptoDeposit });
        Assert.Equal(deposit.Id, Assert.Single(listed.Response).Id);
    }
}
