using PaymentFunctions.LocalStack.Stack;

namespace PaymentFunctions.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The app as a child process that a chaos test kills with SIGKILL and starts again with the same options (the same
/// database, so the durable work resumes where the killed process left it). Callers go through
/// <see cref="CallAsync{T}"/>, which retries a call that failed because the app was gone with whichever process is
/// up by then, on its own port.
/// </summary>
internal sealed class RestartingApp : IAsyncDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly AppProcessOptions options;
    private readonly List<int> exitCodes = [];
    private readonly List<int> processIds = [];
    private AppProcess current;

    private RestartingApp(AppProcessOptions options, AppProcess first)
    {
        this.options = options;
        this.current = first;
        this.processIds.Add(first.ProcessId);
    }

    /// <summary>Kills so far.</summary>
    public int Kills { get; private set; }

    /// <summary>Starts so far, the first one included.</summary>
    public int Starts => this.processIds.Count;

    /// <summary>The exit code of each killed process (137 after SIGKILL), in kill order.</summary>
    public IReadOnlyList<int> KilledExitCodes => this.exitCodes;

    /// <summary>The process id of each start, in start order.</summary>
    public IReadOnlyList<int> ProcessIds => this.processIds;

    public static async Task<RestartingApp> StartAsync(AppProcessOptions options, CancellationToken cancellationToken) =>
        new(options, await AppProcess.StartAsync(options, cancellationToken));

    /// <summary>SIGKILL to the running app, then starts a new one and waits until it is ready. Not concurrent with itself.</summary>
    public async Task KillAndRestartAsync(CancellationToken cancellationToken)
    {
        var victim = this.current;
        await victim.KillAsync();
        Assert.True(victim.HasExited, $"{victim} survived SIGKILL");
        this.exitCodes.Add(victim.ExitCode!.Value);
        this.Kills++;
        await victim.DisposeAsync();

        var next = await AppProcess.StartAsync(this.options, cancellationToken);
        this.processIds.Add(next.ProcessId);
        Volatile.Write(ref this.current, next);
    }

    /// <summary>
    /// Runs <paramref name="call"/> against the app that is up; when it fails because the app is gone (refused or
    /// reset connection, a disposed client of a killed process), waits a moment and runs it again against the next.
    /// Anything else, an assertion in the call included, fails the caller.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<HttpClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var app = Volatile.Read(ref this.current);
            try
            {
                using var client = app.CreateClient();
                return await call(client, cancellationToken);
            }
            catch (Exception ex) when (IsAppGone(ex, cancellationToken))
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <inheritdoc cref="CallAsync{T}"/>
    public Task CallAsync(Func<HttpClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        this.CallAsync(
            async (client, ct) =>
            {
                await call(client, ct);
                return true;
            },
            cancellationToken);

    public ValueTask DisposeAsync() => Volatile.Read(ref this.current).DisposeAsync();

    private static bool IsAppGone(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or ObjectDisposedException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
