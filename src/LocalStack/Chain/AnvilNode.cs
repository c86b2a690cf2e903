using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using PaymentFunctions.Ethereum.Abi;
using PaymentFunctions.Ethereum.Addresses;
using PaymentFunctions.Ethereum.JsonRpc;
using PaymentFunctions.Ethereum.Signers;

namespace PaymentFunctions.LocalStack.Chain;

/// <summary>
/// A private anvil chain on 127.0.0.1 and a free port, for tests and local runs. Started from the npm
/// package <c>@foundry-rs/anvil</c>; disposing kills the process tree, and anvils still running when the
/// host process exits are killed too, so none outlive the tests.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly AnvilOutput _output;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _disposed;

    static AnvilNode()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    private AnvilNode(Process process, AnvilOutput output, int port, long chainId, int accounts)
    {
        _process = process;
        _output = output;
        Port = port;
        ChainId = chainId;
        RpcUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Rpc = new EthereumRpcClient(_http, RpcUri);
        DevPrivateKeys = AnvilDevAccounts.PrivateKeys.Take(Math.Min(accounts, AnvilDevAccounts.PrivateKeys.Count)).ToArray();
        DevSigners = DevPrivateKeys.Select(LocalKeySigner.FromHex).ToArray();
    }

    /// <summary>The JSON-RPC endpoint.</summary>
    public Uri RpcUri { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The chain id the node reported.</summary>
    public long ChainId { get; }

    /// <summary>A JSON-RPC client for this node.</summary>
    public EthereumRpcClient Rpc { get; }

    /// <summary>Private keys of the funded dev accounts (anvil's default mnemonic, accounts 0..9).</summary>
    public IReadOnlyList<string> DevPrivateKeys { get; }

    /// <summary>Signers for the funded dev accounts, in the same order as <see cref="DevPrivateKeys"/>.</summary>
    public IReadOnlyList<LocalKeySigner> DevSigners { get; }

    /// <summary>Starts anvil and waits until it answers <c>eth_chainId</c>.</summary>
    /// <exception cref="AnvilException">The binary is missing (run <c>npm ci</c>) or anvil did not start.</exception>
    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var executable = options.ExecutablePath ?? AnvilExecutable.Find();
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var output = new AnvilOutput();
            var process = Launch(executable, BuildArguments(options, port), output);
            Running[process.Id] = process;
            AnvilNode? node = null;
            try
            {
                node = new AnvilNode(process, output, port, options.ChainId, options.Accounts);
                await node.WaitUntilReadyAsync(options, cancellationToken).ConfigureAwait(false);
                return node;
            }
            catch (AnvilException) when (attempt < attempts && process.HasExited)
            {
                // Most likely another process took the port between probing and binding: try another one.
                node?.DisposeHttp();
                Forget(process);
            }
            catch
            {
                node?.DisposeHttp();
                Forget(process);
                throw;
            }
        }
    }

    /// <summary>A new JSON-RPC client for this node that decodes reverts with <paramref name="knownErrors"/>.</summary>
    public EthereumRpcClient CreateRpcClient(IEnumerable<AbiError>? knownErrors = null) => new(_http, RpcUri, knownErrors);

    /// <summary>Mines <paramref name="blocks"/> blocks now (<c>anvil_mine</c>).</summary>
    public Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("anvil_mine", [new BigInteger(blocks)], cancellationToken);

    /// <summary>Switches automine on or off (<c>evm_setAutomine</c>).</summary>
    public Task SetAutomineAsync(bool enabled, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("evm_setAutomine", [enabled], cancellationToken);

    /// <summary>Mines a block every <paramref name="interval"/> (whole seconds; zero switches interval mining off).</summary>
    public Task SetIntervalMiningAsync(TimeSpan interval, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("evm_setIntervalMining", [(long)interval.TotalSeconds], cancellationToken);

    /// <summary>Sets an account's balance in wei (<c>anvil_setBalance</c>).</summary>
    public Task SetBalanceAsync(Address account, BigInteger wei, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("anvil_setBalance", [account, wei], cancellationToken);

    /// <summary>Moves chain time forward for the next block (<c>evm_increaseTime</c>), e.g. past an escrow's custody end.</summary>
    public Task IncreaseTimeAsync(TimeSpan delta, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("evm_increaseTime", [(long)delta.TotalSeconds], cancellationToken);

    /// <summary>Fixes the timestamp of the next block (<c>evm_setNextBlockTimestamp</c>).</summary>
    public Task SetNextBlockTimestampAsync(DateTimeOffset timestamp, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("evm_setNextBlockTimestamp", [timestamp.ToUnixTimeSeconds()], cancellationToken);

    /// <summary>Removes a pending transaction from the pool (<c>anvil_dropTransaction</c>).</summary>
    public Task DropTransactionAsync(string transactionHash, CancellationToken cancellationToken = default) =>
        Rpc.SendAsync("anvil_dropTransaction", [transactionHash], cancellationToken);

    /// <summary>Takes a state snapshot (<c>evm_snapshot</c>); returns its id for <see cref="RevertToSnapshotAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var id = await Rpc.SendAsync("evm_snapshot", [], cancellationToken).ConfigureAwait(false);
        return id.GetString() ?? throw new AnvilException("evm_snapshot returned no id.");
    }

    /// <summary>Restores a snapshot (<c>evm_revert</c>); true when it existed.</summary>
    public async Task<bool> RevertToSnapshotAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var reverted = await Rpc.SendAsync("evm_revert", [snapshotId], cancellationToken).ConfigureAwait(false);
        return reverted.ValueKind == System.Text.Json.JsonValueKind.True;
    }

    /// <summary>Kills anvil and its children.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        TryKill(_process);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Best effort: the kill signal was sent; the ProcessExit hook retries.
        }

        Forget(_process);
        DisposeHttp();
    }

    /// <summary>Shows the endpoint.</summary>
    public override string ToString() => $"anvil at {RpcUri} (chain {ChainId})";

    private void DisposeHttp() => _http.Dispose();

    private async Task WaitUntilReadyAsync(AnvilOptions options, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.StartupTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new AnvilException($"anvil exited with code {_process.ExitCode} while starting on port {Port}:{Environment.NewLine}{_output.Tail()}");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                var chainId = await Rpc.GetChainIdAsync(attempt.Token).ConfigureAwait(false);
                if (chainId != options.ChainId)
                {
                    throw new AnvilException($"anvil on port {Port} reports chain id {chainId}, expected {options.ChainId}.");
                }

                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonRpcException || (ex is OperationCanceledException && !deadline.IsCancellationRequested))
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AnvilException($"anvil did not answer on port {Port} within {options.StartupTimeout}:{Environment.NewLine}{_output.Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
        }
    }

    private static List<string> BuildArguments(AnvilOptions options, int port)
    {
        var args = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--accounts", options.Accounts.ToString(CultureInfo.InvariantCulture),
            "--balance", options.BalanceEther.ToString(CultureInfo.InvariantCulture),
        };

        if (options.BlockTime is { } blockTime)
        {
            args.Add("--block-time");
            args.Add(Math.Max(1, (long)Math.Ceiling(blockTime.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (options.NoMining)
        {
            args.Add("--no-mining");
        }

        if (options.BaseFeePerGas is { } baseFee)
        {
            args.Add("--block-base-fee-per-gas");
            args.Add(baseFee.ToString(CultureInfo.InvariantCulture));
        }

        args.AddRange(options.ExtraArguments);
        return args;
    }

    private static Process Launch(string executable, List<string> arguments, AnvilOutput output)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new AnvilException($"Cannot start '{executable}': {ex.Message}. Run `npm ci` at the repository root.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Forget(Process process)
    {
        TryKill(process);
        if (Running.TryRemove(new KeyValuePair<int, Process>(SafeId(process), process)))
        {
            process.Dispose();
        }
    }

    private static int SafeId(Process process)
    {
        try
        {
            return process.Id;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static void TryKill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
