using System.Collections.Concurrent;
using System.Diagnostics;

namespace PaymentFunctions.LocalStack.Azurite;

/// <summary>
/// One running azurite process: started with its output kept for error messages, registered so that a normal
/// process exit kills it, and watched by <see cref="AzuriteWatchdog"/> so that a killed test host does too.
/// </summary>
/// <remarks>
/// The same launch/kill/exit-hook logic lives in <c>Chain/AnvilNode</c>; this class is written so that both could
/// share it once it moves to a common folder.
/// </remarks>
internal sealed class AzuriteProcess
{
    private static readonly ConcurrentDictionary<AzuriteProcess, byte> Running = new();

    private readonly Process _process;
    private readonly Chain.AnvilOutput _output = new();

    static AzuriteProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var running in Running.Keys)
            {
                running.Kill();
            }
        };
    }

    private AzuriteProcess(string executable, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,

            // With in-memory persistence nothing should be written, but Azurite's workspace defaults to the
            // working directory: keep any stray file out of the repository.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // An inherited AZURITE_ACCOUNTS would replace devstoreaccount1 and break the connection string.
        startInfo.Environment.Remove("AZURITE_ACCOUNTS");

        _process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        _process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
    }

    public int Id { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines azurite printed (startup messages, errors; access logs are off).</summary>
    public string OutputTail() => _output.Tail();

    /// <exception cref="AzuriteException">The executable could not be started.</exception>
    public static AzuriteProcess Start(string executable, IEnumerable<string> arguments)
    {
        var started = new AzuriteProcess(executable, arguments);
        try
        {
            started._process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            started._process.Dispose();
            throw new AzuriteException($"Cannot start '{executable}': {ex.Message}. Run `npm ci` at the repository root.", ex);
        }

        started.Id = started._process.Id;
        Running[started] = 0;
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        AzuriteWatchdog.Start(started.Id);
        return started;
    }

    /// <summary>Waits for the exit, which also drains the output into <see cref="OutputTail"/>.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process tree, waits up to <paramref name="grace"/> for it, and forgets the process.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Kill();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Best effort: the kill signal was sent; the watchdog tries again.
        }

        if (Running.TryRemove(this, out _))
        {
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
