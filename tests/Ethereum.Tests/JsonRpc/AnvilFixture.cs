using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.Ethereum.Tests.JsonRpc;

/// <summary>One automining anvil per test class.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilNode? _node;

    public AnvilNode Node => _node ?? throw new InvalidOperationException("anvil is not started.");

    public async Task InitializeAsync() => _node = await AnvilNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
