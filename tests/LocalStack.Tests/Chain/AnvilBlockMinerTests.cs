using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Tests.Chain;

public sealed class AnvilBlockMinerTests
{
    [Fact]
    public async Task It_adds_blocks_until_disposed()
    {
        await using var node = await AnvilNode.StartAsync();
        var start = await node.Rpc.GetBlockNumberAsync();

        var miner = AnvilBlockMiner.Start(node, TimeSpan.FromMilliseconds(50));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (await node.Rpc.GetBlockNumberAsync() < start + 3)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        await miner.DisposeAsync();
        var stopped = await node.Rpc.GetBlockNumberAsync();
        await Task.Delay(300);

        Assert.True(stopped >= start + 3);
        Assert.Equal(stopped, await node.Rpc.GetBlockNumberAsync());
    }
}
