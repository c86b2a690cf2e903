namespace PaymentFunctions.Rules.Persistence;

/// <summary>How an execution runs.</summary>
public enum ExecutionMode
{
    /// <summary>Full validation and an estimate from the chain; nothing is signed or sent.</summary>
    Simulation,

    /// <summary>The local anvil chain (or a test network).</summary>
    Testnet,

    /// <summary>Real money: refused unless enabled by configuration, and needs a second confirmation.</summary>
    Mainnet,
}
