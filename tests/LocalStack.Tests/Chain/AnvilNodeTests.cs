using System.Net.Sockets;
using System.Numerics;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using Nethereum.Model;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Tests.Chain;

public sealed class AnvilNodeTests
{
    [Fact]
    public async Task Starts_on_loopback_with_chain_31337_and_funded_dev_accounts()
    {
        await using var node = await AnvilNode.StartAsync();

        Assert.Equal("127.0.0.1", node.RpcUri.Host);
        Assert.Equal(31337, node.ChainId);
        Assert.Equal(new BigInteger(31337), await node.Rpc.GetChainIdAsync());
        Assert.Equal(10, node.DevSigners.Count);
        Assert.Equal(Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), node.DevSigners[0].Address);
        Assert.Equal(BigInteger.Pow(10, 22), await node.Rpc.GetBalanceAsync(node.DevSigners[9].Address));
    }

    [Fact]
    public async Task Dispose_stops_the_process_and_frees_the_port()
    {
        var node = await AnvilNode.StartAsync();
        var port = node.Port;

        await node.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }

    [Fact]
    public async Task Two_nodes_run_side_by_side_on_different_ports()
    {
        await using var first = await AnvilNode.StartAsync();
        await using var second = await AnvilNode.StartAsync(new AnvilOptions { ChainId = 31338 });

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal(new BigInteger(31338), await second.Rpc.GetChainIdAsync());
    }

    [Fact]
    public async Task Without_mining_transactions_wait_until_a_block_is_mined()
    {
        await using var node = await AnvilNode.StartAsync(new AnvilOptions { NoMining = true });
        var sender = node.DevSigners[0];
        var tx = new Transaction1559(node.ChainId, 0, 1, 10_000_000_000, 21000, node.DevSigners[1].Address.ToLowerHex(), 1, "0x", []);
        var hash = await node.Rpc.SendRawTransactionAsync((await sender.SignEip1559Async(tx, sender.Address)).Raw);

        Assert.Null(await node.Rpc.GetTransactionReceiptAsync(hash));
        Assert.Equal(BigInteger.One, await node.Rpc.GetTransactionCountAsync(sender.Address, BlockParameter.Pending));

        await node.MineAsync();

        var receipt = await node.Rpc.GetTransactionReceiptAsync(hash);
        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);
    }

    [Fact]
    public async Task Snapshot_and_time_travel_work()
    {
        await using var node = await AnvilNode.StartAsync();
        var account = Address.Parse("0x3535353535353535353535353535353535353535");
        var snapshot = await node.SnapshotAsync();
        await node.SetBalanceAsync(account, 77);
        Assert.Equal(new BigInteger(77), await node.Rpc.GetBalanceAsync(account));

        Assert.True(await node.RevertToSnapshotAsync(snapshot));
        Assert.Equal(BigInteger.Zero, await node.Rpc.GetBalanceAsync(account));

        var target = DateTimeOffset.UtcNow.AddDays(30);
        await node.SetNextBlockTimestampAsync(target);
        await node.MineAsync();
        var block = await node.Rpc.SendAsync("eth_getBlockByNumber", ["latest", false]);
        var timestamp = PaymentFunctions.Ethereum.Hex.DecodeQuantity(block.GetProperty("timestamp").GetString()!);
        Assert.Equal(new BigInteger(target.ToUnixTimeSeconds()), timestamp);
    }

    [Fact]
    public void Missing_binary_explains_how_to_install_it()
    {
        var empty = Directory.CreateTempSubdirectory("anvil-missing-");
        try
        {
            Directory.CreateDirectory(Path.Combine(empty.FullName, "node_modules"));
            var error = Assert.Throws<AnvilException>(() => AnvilExecutable.Find(empty.FullName));
            Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Reports_a_clear_error_when_the_executable_cannot_start()
    {
        var error = await Assert.ThrowsAsync<AnvilException>(() =>
            AnvilNode.StartAsync(new AnvilOptions { ExecutablePath = "/nonexistent/anvil" }));
        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_fast_when_anvil_rejects_its_arguments()
    {
        var error = await Assert.ThrowsAsync<AnvilException>(() =>
            AnvilNode.StartAsync(new AnvilOptions { ExtraArguments = ["--no-such-flag"] }));
        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
    }
}
