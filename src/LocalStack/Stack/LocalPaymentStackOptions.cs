using System.Numerics;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>How <see cref="LocalPaymentStack"/> starts the local services.</summary>
public sealed record LocalPaymentStackOptions
{
    /// <summary>
    /// Folder for the stack's private PostgreSQL cluster (the run command); null uses a fresh database on the
    /// test run's shared server (<see cref="Postgres.SharedPostgres"/>), so every stack starts empty.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>PostgreSQL port for the private cluster; 0 picks a free one. A fixed port implies a private cluster.</summary>
    public int PostgresPort { get; init; }

    /// <summary>Key Vault emulator port; 0 picks a free one.</summary>
    public int KeyVaultPort { get; init; }

    /// <summary>Juno simulator port; 0 picks a free one.</summary>
    public int JunoPort { get; init; }

    /// <summary>Blocks on top of a mined transaction before the app treats it as final (<c>Chain:Confirmations</c>).</summary>
    public int Confirmations { get; init; } = 1;

    /// <summary>The Key Vault key of the bridge wallet.</summary>
    public string BridgeKeyName { get; init; } = "payment-bridge";

    /// <summary>Ether (in wei) given to the bridge wallet for gas.</summary>
    public BigInteger BridgeGasWei { get; init; } = BigInteger.Pow(10, 20);

    /// <summary>MXNB (base units, 6 decimals) minted to the Juno treasury at start; the simulator mints more when short.</summary>
    public BigInteger TreasuryMxnb { get; init; } = 1_000_000 * BigInteger.Pow(10, 6);

    /// <summary>
    /// Where the app's task hub lives. <see cref="TaskHubBackend.AzureStorage"/> starts a private Azurite and puts
    /// <c>storageProvider:type</c> and <c>AzureWebJobsStorage</c> into <see cref="LocalPaymentStack.AppSettings"/>.
    /// </summary>
    public TaskHubBackend TaskHub { get; init; } = TaskHubBackend.Postgres;

    /// <summary>How often the chain is scanned for MXNB sent to the platform's deposit address.</summary>
    public TimeSpan DepositScanInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
