using System.Numerics;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>How to start a local anvil chain.</summary>
public sealed record AnvilOptions
{
    /// <summary>The chain id (anvil's default, 31337).</summary>
    public long ChainId { get; init; } = 31337;

    /// <summary>Interval mining; null mines each transaction as it arrives (automine).</summary>
    public TimeSpan? BlockTime { get; init; }

    /// <summary>
    /// Starts with mining off: transactions wait in the pool until <see cref="AnvilNode.MineAsync"/> or
    /// automine is switched on. Used to test stuck-transaction replacement.
    /// </summary>
    public bool NoMining { get; init; }

    /// <summary>Dev accounts to create from the default mnemonic (keys are known for the first ten).</summary>
    public int Accounts { get; init; } = 10;

    /// <summary>Starting balance of each dev account, in ether.</summary>
    public BigInteger BalanceEther { get; init; } = 10_000;

    /// <summary>Base fee of the first block in wei; null keeps anvil's default (1 gwei).</summary>
    public BigInteger? BaseFeePerGas { get; init; }

    /// <summary>The anvil executable; null finds it under <c>node_modules</c> above the app's folder.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>How long to wait for the node to answer <c>eth_chainId</c>.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra command-line arguments, appended last.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
