using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PaymentFunctions.Durable.Postgres.Tests.Workers;

/// <summary>
/// The out-of-process worker (tests/Durable.Postgres.TestWorker) and what it printed. It is built with this test
/// project (a non-referencing project reference) and found beside it by configuration and target framework.
/// </summary>
internal sealed class TestWorkerProcess : IDisposable
{
    private const string AssemblyName = "PaymentFunctions.Durable.Postgres.TestWorker";

    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int ends;

    private TestWorkerProcess(Process process) => this.process = process;

    /// <summary>Every line of standard output, in order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>How many activities ran to their end in this process.</summary>
    public int Ends => Volatile.Read(ref this.ends);

    public bool HasExited => this.process.HasExited;

    public static TestWorkerProcess Start(string connectionString, string hubName, TimeSpan lockTimeout)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LocateAssembly());
        start.ArgumentList.Add(connectionString);
        start.ArgumentList.Add(hubName);
        start.ArgumentList.Add(lockTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));

        var worker = new TestWorkerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        worker.process.OutputDataReceived += (_, e) => worker.OnLine(e.Data);
        worker.process.ErrorDataReceived += (_, e) => worker.OnLine(e.Data is null ? null : "stderr: " + e.Data);
        worker.process.Exited += (_, _) => worker.ready.TrySetException(new InvalidOperationException("The test worker exited before it was ready:\n" + string.Join('\n', worker.Lines)));
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        return worker;
    }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => this.ready.Task.WaitAsync(cancellationToken);

    /// <summary>SIGKILL: the process gets no chance to finish, commit or release anything.</summary>
    public async Task KillAsync()
    {
        this.process.Kill(entireProcessTree: true);
        await this.process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
                this.process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        this.process.Dispose();
    }

    /// <summary>tests/Durable.Postgres.Tests/bin/CONFIG/TFM → tests/Durable.Postgres.TestWorker/bin/CONFIG/TFM.</summary>
    private static string LocateAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var testsFolder = here.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsFolder, "Durable.Postgres.TestWorker", "bin", configuration, framework, AssemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The test worker was not built next to the tests.", path);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        this.Lines.Enqueue(line);
        if (line == "ready")
        {
            this.ready.TrySetResult();
        }
        else if (line.StartsWith("end ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref this.ends);
        }
    }
}
