using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaymentFunctions.Durable.Postgres.Notifications;

/// <summary>
/// One dedicated connection that LISTENs on the hub's channels, started on first use and reconnected after any
/// failure. It reports each notification's channel; after (re)connecting it reports an empty channel, since
/// notifications sent while it was away are lost and waiters should look for work again.
/// </summary>
internal sealed partial class NotificationListener : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly IReadOnlyList<string> channels;
    private readonly Action<string> onNotification;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? running;
    private int connections;

    public NotificationListener(string connectionString, IReadOnlyList<string> channels, Action<string> onNotification, ILogger logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own unpooled connection, kept alive so a dead link is noticed while the connection only waits.
            Pooling = false,
            KeepAlive = 15,
            MaxAutoPrepare = 0,
        };
        this.dataSource = NpgsqlDataSource.Create(builder);
        this.channels = channels;
        this.onNotification = onNotification;
        this.logger = logger;
    }

    /// <summary>Completes once the first LISTEN has been acknowledged by the server.</summary>
    public Task Listening => this.listening.Task;

    /// <summary>How many times a connection started listening (1 + reconnections).</summary>
    public int Connections => Volatile.Read(ref this.connections);

    /// <summary>Starts listening unless it already does.</summary>
    public void EnsureStarted()
    {
        if (Volatile.Read(ref this.running) is not null)
        {
            return;
        }

        lock (this.gate)
        {
            if (this.running is null && !this.stopping.IsCancellationRequested)
            {
                this.running = Task.Run(() => this.ListenAsync(this.stopping.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? task;
        lock (this.gate)
        {
            this.stopping.Cancel();
            task = this.running;
        }

        if (task is not null)
        {
            await task.ConfigureAwait(false);
        }

        this.stopping.Dispose();
        await this.dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await this.dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, e) => this.onNotification(e.Channel);
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = string.Concat(this.channels.Select(c => $"LISTEN {c};"));
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                this.onNotification("");
                Interlocked.Increment(ref this.connections);
                this.listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(this.logger, ex);
                this.onNotification("");
                try
                {
                    await Task.Delay(ReconnectDelay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for durable work notifications failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
