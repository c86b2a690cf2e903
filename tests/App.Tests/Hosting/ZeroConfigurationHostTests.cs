using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Npgsql;

namespace PaymentFunctions.App.Tests.Hosting;

/// <summary>The real host as <c>dotnet run</c> starts it: a separate process with no connection string and no keys.</summary>
public sealed partial class ZeroConfigurationHostTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("zero-config-");

    public void Dispose() => this.root.Delete(recursive: true);

    [Fact]
    public async Task Starts_a_private_database_serves_the_management_api_and_stops_the_database_on_shutdown()
    {
        File.WriteAllText(Path.Combine(this.root.FullName, "host.json"), """
            { "version": "2.0", "logging": { "logLevel": { "default": "Warning", "PaymentFunctions": "Information" } } }
            """);
        // Port 0: the app binds a port the system picks and reports it. A port probed here and bound later raced
        // with the private cluster's own port choice (the cluster once took it first).
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = this.root.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PaymentFunctions.App.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var variable in new[] { "DurableStoreConnection", "ConnectionStrings__DurableStoreConnection", "AzureWebJobsScriptRoot", "Keys__Admin", "Keys__Function", "OTEL_EXPORTER_OTLP_ENDPOINT", "ASPNETCORE_URLS" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilAsync(() => Task.FromResult(output.Any(line => ListeningLine().IsMatch(line))), process, output);
            var address = output.Select(line => ListeningLine().Match(line)).First(m => m.Success).Groups["url"].Value;
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            Assert.NotEqual(0, client.BaseAddress.Port);
            await WaitUntilAsync(async () => (await TryGetAsync(client, "/readyz")) == HttpStatusCode.OK, process, output);

            var started = await client.PostAsync("/runtime/webhooks/durabletask/orchestrators/HelloSequence/zero", ApiClient.Json("\"Zed\""));
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var done = await client.WaitForStatusAsync("zero", "Completed");
            Assert.Equal("Hello, Zed from Tokyo!", done.GetProperty("output")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/runtime/webhooks/durabletask/instances")).StatusCode);

            var report = output.Select(line => DatabaseLine().Match(line)).FirstOrDefault(m => m.Success);
            Assert.True(report is not null, string.Join('\n', output));
            var databasePort = int.Parse(report.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(0, Terminate(process.Id));
            Assert.True(await WaitForExitAsync(process, TimeSpan.FromSeconds(60)), "the host did not stop");
            Assert.Equal(0, process.ExitCode);
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={databasePort};Username=postgres;Timeout=2");
            await Assert.ThrowsAnyAsync<Exception>(() => connection.OpenAsync());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"Listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"on PostgreSQL [^:]+:(?<port>\d+)/\S+ \(private cluster\)")]
    private static partial Regex DatabaseLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int Terminate(int pid) => Kill(pid, 15);

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Process process, IEnumerable<string> output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            Assert.False(process.HasExited, "The host exited: " + string.Join('\n', output));
            await Task.Delay(100, timeout.Token);
        }
    }
}
