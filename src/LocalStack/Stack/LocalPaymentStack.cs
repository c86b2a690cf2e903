using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno;
using PaymentFunctions.Banking.Juno.Models;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.Contracts;
using PaymentFunctions.KeyVault.Keys;
using PaymentFunctions.Ethereum.Signers;
using PaymentFunctions.KeyVault.Signing;
using PaymentFunctions.LocalStack.Azurite;
using PaymentFunctions.LocalStack.Chain;
using PaymentFunctions.LocalStack.Juno;
using PaymentFunctions.LocalStack.KeyVault;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>
/// Everything the payment app needs on this machine, started by one call: PostgreSQL, anvil with MXNB and the
/// payment escrow, the Key Vault emulator holding the bridge wallet's key, and the Juno simulator paying
/// withdrawals in real tokens and seeing tokens sent to the platform's deposit address as deposits; with
/// <see cref="TaskHubBackend.AzureStorage"/> also a private Azurite for the app's task hub.
/// The run command, end-to-end tests and benchmarks share it so they exercise the same wiring;
/// <see cref="AppSettings"/> is the configuration that points the app at it.
/// </summary>
public sealed class LocalPaymentStack : IAsyncDisposable
{
    private const string StorageProviderTypeSetting = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:type";
    private const string AzureStorageConnectionSetting = "AzureWebJobsStorage";

    private readonly StackDatabase _database;
    private readonly ChainDepositScanner _scanner;
    private readonly CancellationTokenSource _stopping = new();
    private Task _scanLoop = Task.CompletedTask;
    private int _disposed;

    private LocalPaymentStack(
        StackDatabase database,
        AnvilNode anvil,
        KeyVaultEmulator keyVault,
        JunoSimulator juno,
        ContractDeployment deployment,
        AzuriteServer? azurite,
        ChainDepositScanner scanner,
        LocalPaymentStackOptions options,
        Address bridgeAddress,
        Address platformDepositAddress,
        Address treasuryAddress)
    {
        _database = database;
        _scanner = scanner;
        Anvil = anvil;
        KeyVault = keyVault;
        Juno = juno;
        Deployment = deployment;
        Azurite = azurite;
        BridgeKeyName = options.BridgeKeyName;
        BridgeAddress = bridgeAddress;
        PlatformDepositAddress = platformDepositAddress;
        TreasuryAddress = treasuryAddress;
        AppSettings = BuildSettings(options);
    }

    /// <summary>Connection string of the app's database (<c>ConnectionStrings:Payments</c>).</summary>
    public string Postgres => _database.ConnectionString;

    /// <summary>The local chain.</summary>
    public AnvilNode Anvil { get; }

    /// <summary>Where MXNB and the escrow were deployed.</summary>
    public ContractDeployment Deployment { get; }

    /// <summary>The Azurite keeping the app's task hub with <see cref="TaskHubBackend.AzureStorage"/>; otherwise null.</summary>
    public AzuriteServer? Azurite { get; }

    /// <summary>The Key Vault emulator holding the bridge key.</summary>
    public KeyVaultEmulator KeyVault { get; }

    /// <summary>The Juno simulator.</summary>
    public JunoSimulator Juno { get; }

    /// <summary>The bridge wallet: escrow payer and holder of the escrow's <c>OPERATOR_ROLE</c>, its key in the vault.</summary>
    public Address BridgeAddress { get; }

    /// <summary>The platform's Juno deposit address, payee of every escrow.</summary>
    public Address PlatformDepositAddress { get; }

    /// <summary>The Juno treasury (an anvil dev account) that pays withdrawals and may mint MXNB.</summary>
    public Address TreasuryAddress { get; }

    /// <summary>The name of the bridge wallet's key in the vault.</summary>
    public string BridgeKeyName { get; }

    /// <summary>
    /// The configuration keys the app reads, <c>:</c>-separated (connection string, <c>Chain:*</c>, <c>Juno:*</c>; with
    /// Azurite also <c>storageProvider:type</c> under host.json's durableTask section and <c>AzureWebJobsStorage</c>).
    /// Holds the simulator's API secret: hand it to configuration, never to logs.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>Starts every service, deploys the contracts and wires them together.</summary>
    /// <param name="options">Ports, data folder and amounts.</param>
    /// <param name="progress">Receives one line per step, e.g. for the run command's console.</param>
    /// <param name="cancellationToken">Cancels the start; whatever was started is stopped again.</param>
    public static async Task<LocalPaymentStack> StartAsync(LocalPaymentStackOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Confirmations, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BridgeKeyName);
        await using var started = new StartedParts();

        // The servers do not depend on each other; starting them together saves seconds on every test class.
        var databaseStart = StackDatabase.CreateAsync(options, cancellationToken);
        var anvilStart = AnvilNode.StartAsync(cancellationToken: cancellationToken);
        var vaultStart = KeyVaultEmulator.StartAsync(options.KeyVaultPort, cancellationToken);
        var azuriteStart = options.TaskHub == TaskHubBackend.AzureStorage
            ? started.Track(AzuriteServer.StartAsync(cancellationToken: cancellationToken))
            : null;
        await Task.WhenAll(started.Track(databaseStart), started.Track(anvilStart), started.Track(vaultStart), azuriteStart ?? Task.CompletedTask).ConfigureAwait(false);
        var database = await databaseStart.ConfigureAwait(false);
        var anvil = await anvilStart.ConfigureAwait(false);
        var vault = await vaultStart.ConfigureAwait(false);
        var azurite = azuriteStart is null ? null : await azuriteStart.ConfigureAwait(false);
        progress?.Report($"PostgreSQL ready ({(database.Cluster is null ? "shared test server" : database.Cluster.ToString())})");
        if (azurite is not null)
        {
            progress?.Report($"Azurite ready for the task hub ({azurite})");
        }

        progress?.Report($"anvil ready at {anvil.RpcUri} (chain {anvil.ChainId.ToString(CultureInfo.InvariantCulture)})");

        var keys = vault.CreateClient();
        await keys.CreateEcKeyAsync(options.BridgeKeyName, KeyCurveName.P256K, cancellationToken: cancellationToken).ConfigureAwait(false);
        var bridge = await new KeyVaultSigner(keys, options.BridgeKeyName).GetAddressAsync(cancellationToken).ConfigureAwait(false);
        await anvil.SetBalanceAsync(bridge, options.BridgeGasWei, cancellationToken).ConfigureAwait(false);
        progress?.Report($"Key Vault emulator ready at {vault.VaultUri}; bridge key '{options.BridgeKeyName}' is {bridge.ToMaskedString()}");

        var treasury = anvil.DevSigners[1];
        var deployment = await ContractDeployer.DeployAsync(anvil, new ContractDeploymentOptions
        {
            Operators = [bridge],
            Minters = [treasury.Address],
            Mints = new Dictionary<Address, BigInteger> { [treasury.Address] = options.TreasuryMxnb },
        }, cancellationToken).ConfigureAwait(false);
        progress?.Report($"MXNB at {deployment.Token}, PaymentEscrow at {deployment.Escrow}");

        // Nobody needs the deposit address's key: the simulator only watches what arrives there.
        var depositAddress = new Address(RandomNumberGenerator.GetBytes(Address.Length));
        var rpc = anvil.CreateRpcClient();
        var token = new Erc20(rpc, deployment.Token);
        var junoStart = JunoSimulator.StartAsync(new JunoSimulatorOptions
        {
            Port = options.JunoPort,
            DepositAddress = depositAddress.ToString(),
            ChainTransfer = new AnvilChainTransfer(new ContractTransactor(rpc, anvil.ChainId), token, treasury),
        }, cancellationToken);
        var juno = await started.Track(junoStart).ConfigureAwait(false);
        progress?.Report($"Juno simulator ready at {juno.BaseAddress}; deposit address {depositAddress.ToMaskedString()}");

        var stack = new LocalPaymentStack(database, anvil, vault, juno, deployment, azurite, new ChainDepositScanner(juno, token), options, bridge, depositAddress, treasury.Address);
        started.Release();
        stack._scanLoop = stack.ScanLoopAsync(options.DepositScanInterval);
        return stack;
    }

    /// <summary>
    /// Records MXNB that arrived at the deposit address since the last scan as CRYPTO_DEPOSIT now, instead of at the
    /// next background scan; each transfer is recorded once however often it is scanned.
    /// </summary>
    public Task<IReadOnlyList<JunoTransaction>> ScanDepositsAsync(CancellationToken cancellationToken = default) =>
        _scanner.ScanAsync(cancellationToken);

    /// <summary>Registers a payout destination at the simulator (as if the platform had added it in Juno's dashboard).</summary>
    public Task<JunoBankAccount> RegisterBankAccountAsync(Clabe clabe, string legalName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legalName);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Juno.RegisterBankAccount(clabe, legalName));
    }

    /// <summary>Stops the deposit scan, the simulator, the vault, anvil, Azurite and the private database cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _scanLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await Juno.DisposeAsync().ConfigureAwait(false);
        await KeyVault.DisposeAsync().ConfigureAwait(false);
        await Anvil.DisposeAsync().ConfigureAwait(false);
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync().ConfigureAwait(false);
        }

        await _database.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"LocalPaymentStack(anvil {Anvil.RpcUri}, vault {KeyVault.VaultUri}, juno {Juno.BaseAddress})";

    private async Task ScanLoopAsync(TimeSpan interval)
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _scanner.ScanAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next scan catches up and nothing is lost: scans start at the first block and skip what they saw.
            }

            await Task.Delay(interval, token).ConfigureAwait(false);
        }
    }

    private Dictionary<string, string> BuildSettings(LocalPaymentStackOptions options)
    {
        var juno = Juno.CreateClientOptions();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ConnectionStrings:Payments"] = Postgres,
            ["Chain:RpcUrl"] = Anvil.RpcUri.ToString(),
            ["Chain:TokenAddress"] = Deployment.Token.ToString(),
            ["Chain:EscrowAddress"] = Deployment.Escrow.ToString(),
            ["Chain:PlatformDepositAddress"] = PlatformDepositAddress.ToString(),
            ["Chain:KeyVaultUri"] = KeyVault.VaultUri.ToString(),
            ["Chain:BridgeKeyName"] = BridgeKeyName,
            ["Chain:KeyVaultCertificateThumbprint"] = KeyVault.CertificateThumbprint,
            ["Chain:Confirmations"] = options.Confirmations.ToString(CultureInfo.InvariantCulture),
            ["Chain:PollInterval"] = "00:00:00.100",
            [$"{JunoOptions.SectionName}:{nameof(JunoOptions.BaseAddress)}"] = juno.BaseAddress.ToString(),
            [$"{JunoOptions.SectionName}:{nameof(JunoOptions.ApiKey)}"] = juno.ApiKey,
            [$"{JunoOptions.SectionName}:{nameof(JunoOptions.ApiSecret)}"] = juno.ApiSecret,
        };
        if (options.TaskHub == TaskHubBackend.AzureStorage)
        {
            // What a user sets to move the task hub: the backend type (host.json) and the storage account. Payments stay in PostgreSQL.
            settings[StorageProviderTypeSetting] = "azureStorage";
            settings[AzureStorageConnectionSetting] = Azurite!.ConnectionString;
        }

        return settings;
    }
}
