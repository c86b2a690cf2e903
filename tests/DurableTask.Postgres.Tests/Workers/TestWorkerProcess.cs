using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PaymentFunctions.DurableTask.Postgres.TestWorker;

namespace PaymentFunctions.DurableTask.Postgres.Tests.Workers;

/// <summary>
/// One tests/DurableTask.Postgres.TestWorker process and what it printed. Disposing kills it if it still runs, and
/// it is started with --exit-on-stdin-close, so it never outlives the test (or the test host) that started it.
/// </summary>
internal sealed class TestWorkerProcess : IDisposable
{
    private const string AssemblyName = "PaymentFunctions.DurableTask.Postgres.TestWorker";

    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestWorkerProcess(Process process) => this.process = process;

    public int Id => this.process.Id;

    public bool HasExited => this.process.HasExited;

    public int ExitCode => this.process.ExitCode;

    /// <summary>Every line of standard output and error (the latter prefixed "stderr: "), in order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Output => string.Join('\n', this.Lines);

    /// <summary>Starts a worker and waits for its "ready" line.</summary>
    public static async Task<TestWorkerProcess> StartAsync(string connectionString, string hub, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LocateAssembly());
        start.ArgumentList.Add("--lock-timeout");
        start.ArgumentList.Add(lockTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--exit-on-stdin-close");

        // Through the environment, the other way the worker takes them, so the password is not on a command line.
        start.Environment[WorkerContract.ConnectionStringVariable] = connectionString;
        start.Environment[WorkerContract.HubVariable] = hub;

        var worker = new TestWorkerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        worker.process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data is null ? null : "stderr: " + e.Data);
        worker.process.Exited += (_, _) => worker.ready.TrySetException(new InvalidOperationException("The test worker exited before it was ready:\n" + worker.Output));
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        try
        {
            await worker.ready.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        return worker;
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no chance to finish, commit or release anything.</summary>
    public async Task KillAsync()
    {
        this.process.Kill();
        await this.process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the process to exit by itself.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        _ = NativeMethods.Kill(this.process.Id, NativeMethods.SigTerm);
        await this.process.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            if (!this.process.HasExited)
            {
                this.process.Kill();
                this.process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        this.process.Dispose();
    }

    /// <summary>tests/DurableTask.Postgres.Tests/bin/CONFIG/TFM → tests/DurableTask.Postgres.TestWorker/bin/CONFIG/TFM.</summary>
    private static string LocateAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var testsFolder = here.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsFolder, "DurableTask.Postgres.TestWorker", "bin", configuration, framework, AssemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The test worker was not built next to the tests.", path);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        this.Lines.Enqueue(line);
        if (line == WorkerContract.ReadyLine)
        {
            this.ready.TrySetResult();
        }
    }

    private static class NativeMethods
    {
        public const int SigTerm = 15;

        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Kill(int pid, int sig);
    }
}
