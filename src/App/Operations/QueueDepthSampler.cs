using Npgsql;
using PaymentFunctions.App.Hosting;

namespace PaymentFunctions.App.Operations;

/// <summary>
/// Samples the hub's queue depth every few seconds for the <c>paymentfunctions.queue.depth</c> gauge, so metric
/// collection itself never waits on the database.
/// </summary>
internal sealed partial class QueueDepthSampler(AppDatabase database, PaymentFunctionsTelemetry telemetry, TimeProvider time, ILogger<QueueDepthSampler> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await this.SampleAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = database.DataSource.CreateCommand(
                """
                SELECT (SELECT count(*) FROM durable.messages WHERE hub = $1 AND visible_at <= $2),
                       (SELECT count(*) FROM durable.tasks WHERE hub = $1)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = database.HubName });

            // The provider keeps visibility as UTC ticks (see DurableTask.Postgres' schema, in its default schema 'durable').
            command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow().UtcTicks });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                telemetry.SetQueueDepth(reader.GetInt64(0), reader.GetInt64(1));
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The schema may not exist yet (the worker creates it), or the database is briefly away.
            LogSampleFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sampling the queue depth failed: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string reason);
}
