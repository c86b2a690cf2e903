using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>
/// A private, in-memory Azurite (blob, queue and table) on 127.0.0.1 and free ports, so that tests and local
/// runs of the Durable Task Azure Storage provider need no shared emulator and never see each other's task
/// hubs. Started from the npm package <c>azurite</c> (<c>npm ci</c> at the repository root). Disposing kills
/// the process; servers still running when this process exits, or is killed, are killed too, so none outlive
/// the tests.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly AzuriteProcess _process;
    private int _disposed;

    private AzuriteServer(AzuriteProcess process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ProcessId = process.Id;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = AzuriteConnectionString.For(blobPort, queuePort, tablePort);
    }

    /// <summary>
    /// The explicit connection string (well-known <c>devstoreaccount1</c> account and key, all three endpoints):
    /// give it to <c>StorageAccountClientProvider</c> or any Azure Storage client.
    /// </summary>
    public string ConnectionString { get; }

    /// <summary>The blob service's TCP port on 127.0.0.1.</summary>
    public int BlobPort { get; }

    /// <summary>The queue service's TCP port on 127.0.0.1.</summary>
    public int QueuePort { get; }

    /// <summary>The table service's TCP port on 127.0.0.1.</summary>
    public int TablePort { get; }

    /// <summary>Azurite's process id, to check from outside that it is gone.</summary>
    public int ProcessId { get; }

    /// <summary>
    /// Starts Azurite and waits until blob, queue and table all accept connections. A port that another
    /// process takes between probing and binding makes Azurite exit; then it starts again on new ports,
    /// up to <see cref="AzuriteOptions.StartAttempts"/> times.
    /// </summary>
    /// <exception cref="AzuriteException">Azurite is missing (run <c>npm ci</c>) or did not start; the message holds its output.</exception>
    public static Task<AzuriteServer> StartAsync(AzuriteOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, ThreeFreePorts, cancellationToken);

    /// <summary>As the public overload, with the ports chosen by <paramref name="pickPorts"/> on each attempt (tests force a clash).</summary>
    internal static async Task<AzuriteServer> StartAsync(
        AzuriteOptions? options, Func<(int Blob, int Queue, int Table)> pickPorts, CancellationToken cancellationToken)
    {
        options ??= new AzuriteOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ExtentMemoryLimitMegabytes, 1);
        var executable = options.ExecutablePath ?? AzuriteExecutable.Find();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (blob, queue, table) = pickPorts();
            var process = AzuriteProcess.Start(executable, BuildArguments(options, blob, queue, table));
            try
            {
                await WaitUntilReadyAsync(process, [blob, queue, table], options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                return new AzuriteServer(process, blob, queue, table);
            }
            catch (AzuriteException) when (attempt < options.StartAttempts && process.HasExited)
            {
                // Most likely another process took a port between probing and binding (EADDRINUSE): new ports.
                await process.StopAsync(StopGrace).ConfigureAwait(false);
            }
            catch
            {
                await process.StopAsync(StopGrace).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Kills Azurite (with any children) and waits for it to exit; its in-memory data is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _process.StopAsync(StopGrace).ConfigureAwait(false);
    }

    /// <summary>Shows the endpoints.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"azurite (pid {ProcessId}) blob {BlobPort}, queue {QueuePort}, table {TablePort}");

    /// <summary>The last lines Azurite printed (startup messages, errors; access logs are off).</summary>
    public string OutputTail() => _process.OutputTail();

    private static List<string> BuildArguments(AzuriteOptions options, int blob, int queue, int table)
    {
        var args = new List<string>
        {
            "--blobHost", "127.0.0.1",
            "--queueHost", "127.0.0.1",
            "--tableHost", "127.0.0.1",
            "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
            "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tablePort", table.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence",
            "--extentMemoryLimit", options.ExtentMemoryLimitMegabytes.ToString(CultureInfo.InvariantCulture),
            // The Azure SDKs that DTFx pulls in may send a newer API version than this Azurite knows.
            "--skipApiVersionCheck",
            "--loose",
            "--silent",
            // Azurite reports telemetry by default; there is no network for it here, and tests must not call out.
            "--disableTelemetry",
        };
        args.AddRange(options.ExtraArguments);
        return args;
    }

    private static async Task WaitUntilReadyAsync(
        AzuriteProcess process, int[] ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var pending = new List<int>(ports);
        while (true)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false); // drains the output
                throw new AzuriteException(
                    $"azurite exited with code {process.ExitCode} while starting on ports {string.Join('/', ports)}:{Environment.NewLine}{process.OutputTail()}");
            }

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                if (await AcceptsAsync(pending[i], cancellationToken).ConfigureAwait(false))
                {
                    pending.RemoveAt(i);
                }
            }

            // Ready only while the process still runs: a port someone else holds also accepts.
            if (pending.Count == 0 && !process.HasExited)
            {
                return;
            }

            if (started.Elapsed > timeout)
            {
                throw new AzuriteException(
                    $"azurite did not accept connections on ports {string.Join('/', pending)} within {timeout}:{Environment.NewLine}{process.OutputTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Three different free ports: the probe may hand out a port again once its listener closed.</summary>
    private static (int Blob, int Queue, int Table) ThreeFreePorts()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
        {
            ports.Add(FreeTcpPort.Next());
        }

        var list = ports.ToArray();
        return (list[0], list[1], list[2]);
    }
}
