using System.Diagnostics;
using System.Globalization;

namespace PaymentFunctions.Benchmarks.Durable.Hosting;

/// <summary>A worker in its own process (this executable in <see cref="WorkerMode"/>), whose memory the kernel reports.</summary>
internal sealed class ChildWorker : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildWorker(Process process) => this.process = process;

    public static async Task<ChildWorker> StartAsync(string connectionString, string hubName, int concurrency, CancellationToken cancellationToken)
    {
        // Run as an apphost (dotnet run) the process path is the program; run as "dotnet x.dll" it is the host.
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildWorker).Assembly.Location);
        }

        foreach (var argument in new[] { WorkerMode.Switch, connectionString, hubName, concurrency.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var worker = new ChildWorker(new Process { StartInfo = start, EnableRaisingEvents = true });
        worker.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                worker.ready.TrySetResult();
            }
        };
        worker.process.Exited += (_, _) => worker.ready.TrySetException(new InvalidOperationException("The worker process exited before it was ready."));
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        await worker.ready.Task.WaitAsync(cancellationToken);
        return worker;
    }

    /// <summary>The process's peak resident set (VmHWM) and current resident set (VmRSS), in bytes.</summary>
    public (long Peak, long Current) ReadMemory()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines($"/proc/{this.process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kilobytes(line) * 1024;
            }
        }

        return (peak, current);
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            // Closing stdin asks for a graceful stop; a kill follows if that takes too long.
            this.process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await this.process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                this.process.Kill(entireProcessTree: true);
                await this.process.WaitForExitAsync(CancellationToken.None);
            }
        }

        this.process.Dispose();
    }

    private static long Kilobytes(string line)
        => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
