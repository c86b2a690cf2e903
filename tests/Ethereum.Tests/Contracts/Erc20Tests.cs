using System.Numerics;
using System.Text.Json;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.Ethereum.Tests.JsonRpc;

namespace PaymentFunctions.Ethereum.Tests.Contracts;

/// <summary>The typed ERC-20 view against the project's MXNB token, deployed with this library's own transactions.</summary>
public sealed class Erc20Tests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly AbiFunction Mint = AbiFunction.Parse("function mint(address to, uint256 amount)");

    [Fact]
    public async Task Reads_balances_and_allowances_and_decodes_transfers()
    {
        var node = anvil.Node;
        var admin = node.DevSigners[0];
        var alice = node.DevSigners[1];
        var bob = LocalKeySigner.CreateRandom().Address;
        var token = await DeployMxnbAsync(admin);
        var erc20 = new Erc20(node.Rpc, token);

        var mint = await TestChain.SendAsync(node, admin, token, Mint.EncodeCall(alice.Address, 250_000_000));
        var transfer = await TestChain.SendAsync(node, alice, token, Erc20.EncodeTransfer(bob, 100_000_000));
        var approve = await TestChain.SendAsync(node, alice, token, Erc20.EncodeApprove(bob, 7));

        Assert.True(mint.Succeeded && transfer.Succeeded && approve.Succeeded);
        Assert.Equal(new BigInteger(150_000_000), await erc20.BalanceOfAsync(alice.Address));
        Assert.Equal(new BigInteger(100_000_000), await erc20.BalanceOfAsync(bob));
        Assert.Equal(new BigInteger(7), await erc20.AllowanceAsync(alice.Address, bob));

        var inReceipt = Assert.Single(Erc20.DecodeTransfers(transfer.Logs));
        Assert.Equal(new Erc20Transfer(token, alice.Address, bob, 100_000_000), inReceipt with { TransactionHash = null, BlockNumber = null, LogIndex = null });

        var all = await erc20.GetTransfersAsync(BlockParameter.FromNumber(mint.BlockNumber), BlockParameter.Latest);
        Assert.Equal(2, all.Count);
        Assert.Equal(Address.Zero, all[0].From);
        var toBob = Assert.Single(await erc20.GetTransfersAsync(BlockParameter.Earliest, BlockParameter.Latest, to: bob));
        Assert.Equal(transfer.TransactionHash, toBob.TransactionHash);
    }

    [Fact]
    public async Task Simulated_overdraft_reports_the_erc6093_error()
    {
        var node = anvil.Node;
        var token = await DeployMxnbAsync(node.DevSigners[0]);
        var erc20 = new Erc20(node.Rpc, token);
        var poor = node.DevSigners[2].Address;

        var error = await Assert.ThrowsAsync<ContractRevertedException>(() =>
            erc20.SimulateTransferAsync(poor, node.DevSigners[3].Address, 1));

        Assert.Equal(RevertKind.Custom, error.Reason.Kind);
        Assert.Equal("ERC20InsufficientBalance", error.Reason.ErrorName);
        Assert.Equal(poor, error.Reason.Arguments[0]);
        Assert.Equal(BigInteger.One, error.Reason.Arguments[2]);
    }

    private async Task<Address> DeployMxnbAsync(LocalKeySigner admin)
    {
        using var artifact = JsonDocument.Parse(TestChain.ReadArtifact("MXNB"));
        var bytecode = Hex.Decode(artifact.RootElement.GetProperty("bytecode").GetString()!);
        byte[] initCode = [.. bytecode, .. AbiValues.Encode([new Nethereum.ABI.Model.Parameter("address")], [admin.Address])];
        var receipt = await TestChain.SendAsync(anvil.Node, admin, null, initCode);
        Assert.True(receipt.Succeeded);
        return receipt.ContractAddress ?? throw new InvalidOperationException("No contract address.");
    }
}
