using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.LocalStack.Stack;

/// <summary>
/// The payment app (<c>src/App</c>) running as a child process, ready when started. The run command, end-to-end
/// tests and benchmarks use it so they exercise the real host (its configuration sources, keys, timers and
/// shutdown) and can kill it without warning, as a crashed machine would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>The header that carries the function key, as in Azure Functions.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    private const int StartAttempts = 3;
    private const int SigTerm = 15;
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly AppProcessOutput _output;
    private readonly AppProcessOptions _options;
    private readonly AppProcessIdentityEndpoint? _identity;
    private readonly SocketsHttpHandler _handler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
    private int _disposed;

    static AppProcess()
    {
        // Apps must not outlive the process that started them (a test run, the demo) even when it never disposes them.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values)
            {
                TryKill(process);
            }
        };
    }

    private AppProcess(Process process, AppProcessOutput output, AppProcessOptions options, AppProcessIdentityEndpoint? identity, Uri baseAddress)
    {
        _process = process;
        _output = output;
        _options = options;
        _identity = identity;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The function key the app was started with, or null.</summary>
    public string? FunctionKey => _options.FunctionKey;

    /// <summary>The process id of the app.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once the process is gone.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process is gone (0 after a clean stop, 137 after SIGKILL), else null.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>
    /// Starts the app and waits until <c>/readyz</c> answers 200 (its database answers). With port 0 a free port is
    /// picked, and picked again when another process takes it first.
    /// </summary>
    /// <exception cref="AppProcessException">The app was not found or did not build, exited, or did not get ready in time.</exception>
    public static async Task<AppProcess> StartAsync(AppProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = await AppProcessLocator.LocateAsync(options, cancellationToken).ConfigureAwait(false);
        var pickPort = options.Url.Port == 0;
        for (var attempt = 1; ; attempt++)
        {
            var port = pickPort ? FreeTcpPort.Next() : options.Url.Port;
            var baseAddress = new UriBuilder(options.Url) { Port = port, Path = "/" }.Uri;
            var output = new AppProcessOutput(options.LogPath, options.Output);
            var identity = options.ManagedIdentity ? AppProcessIdentityEndpoint.Start() : null;
            AppProcess app;
            try
            {
                app = new AppProcess(Launch(assembly, baseAddress, options, identity, output), output, options, identity, baseAddress);
            }
            catch
            {
                identity?.Dispose();
                output.Dispose();
                throw;
            }

            try
            {
                await app.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                return app;
            }
            catch (AppProcessException) when (pickPort && attempt < StartAttempts && app.HasExited
                && output.Tail().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Someone took the free port between probing and binding: try another one.
                await app.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await app.KillAsync().ConfigureAwait(false);
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// A client for the app with the function key header set. Clients share one connection pool owned by this
    /// instance; disposing a client is fine and does not close the pool.
    /// </summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (!string.IsNullOrEmpty(_options.FunctionKey))
        {
            client.DefaultRequestHeaders.Add(FunctionKeyHeader, _options.FunctionKey);
        }

        return client;
    }

    /// <summary>
    /// SIGKILL to the app and every process it started: nothing gets a chance to finish, commit or release a lease,
    /// which is what a crash test needs. Returns when the process is gone.
    /// </summary>
    public async Task KillAsync()
    {
        TryKill(_process);
        await WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>
    /// SIGTERM, as a service manager stops the app: it stops taking requests, lets running work end and exits.
    /// Kills it when it has not exited within <see cref="AppProcessOptions.StopTimeout"/> or when cancelled.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (HasExited)
        {
            return;
        }

        _ = NativeMethods.Kill(_process.Id, SigTerm);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the app gracefully (killing it if it does not go), then releases the log and connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process was never started.
        }

        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
        _output.Dispose();
        _identity?.Dispose();
        _handler.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"AppProcess({BaseAddress}, pid {_process.Id.ToString(CultureInfo.InvariantCulture)})";

    private static Process Launch(string assembly, Uri baseAddress, AppProcessOptions options, AppProcessIdentityEndpoint? identity, AppProcessOutput output)
    {
        var start = new ProcessStartInfo(AppProcessLocator.DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = options.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));

        // Plain lines, no colours: the output goes to files and callbacks, not a terminal.
        start.Environment["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        foreach (var (key, value) in options.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (name, value) in identity?.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (options.FunctionKey is { } functionKey)
        {
            start.Environment["Keys__Function"] = functionKey;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data is null ? null : "stderr: " + e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new AppProcessException($"Could not start '{start.FileName} {assembly}': {ex.Message}", ex);
        }

        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
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

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.StartTimeout);
        using var http = new HttpClient(_handler, disposeHandler: false) { BaseAddress = BaseAddress };
        while (true)
        {
            if (HasExited)
            {
                throw new AppProcessException(
                    $"The app exited with code {_process.ExitCode.ToString(CultureInfo.InvariantCulture)} while starting on {BaseAddress}:{Environment.NewLine}{_output.Tail()}");
            }

            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative), attempt.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !deadline.IsCancellationRequested))
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AppProcessException($"The app on {BaseAddress} was not ready within {_options.StartTimeout}:{Environment.NewLine}{_output.Tail()}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AppProcessException($"The app on {BaseAddress} was not ready within {_options.StartTimeout}:{Environment.NewLine}{_output.Tail()}");
            }
        }
    }

    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The kill was sent; the ProcessExit hook tries again.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Kill(int pid, int sig);
    }
}
