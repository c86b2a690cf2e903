using Microsoft.Extensions.Logging;
using Npgsql;

namespace PaymentFunctions.DurableTask.Postgres.Notifications;

/// <summary>
/// One dedicated connection that LISTENs on a hub's channels, started on first use and reconnected after any failure.
/// After (re)connecting it wakes every waiter, since notifications sent while it was away are lost.
/// </summary>
internal sealed partial class NotificationListener : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource dataSource;
    private readonly HubChannels channels;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task? running;

    public NotificationListener(string connectionString, HubChannels channels, ILogger logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own unpooled connection, kept alive so a dead link is noticed while the connection only waits.
            Pooling = false,
            KeepAlive = 15,
        };
        this.dataSource = NpgsqlDataSource.Create(builder);
        this.channels = channels;
        this.logger = logger;
    }

    /// <summary>Signalled on every orchestration-message notification (and after reconnecting).</summary>
    public WakeUp Orchestrations { get; } = new();

    /// <summary>Signalled on every activity-task notification (and after reconnecting).</summary>
    public WakeUp Activities { get; } = new();

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

    private void OnNotification(string channel)
    {
        if (channel == this.channels.Orchestrations)
        {
            this.Orchestrations.Signal();
        }
        else if (channel == this.channels.Activities)
        {
            this.Activities.Signal();
        }
        else
        {
            this.Orchestrations.Signal();
            this.Activities.Signal();
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await this.dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, e) => this.OnNotification(e.Channel);
                    var listen = connection.CreateCommand();
                    await using (listen.ConfigureAwait(false))
                    {
                        listen.CommandText = $"LISTEN \"{this.channels.Orchestrations}\"; LISTEN \"{this.channels.Activities}\";";
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    this.OnNotification("");
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(this.logger, ex);
                this.OnNotification("");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for durable work notifications failed; polling until reconnected")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
