using System.Diagnostics;
using Microsoft.Extensions.Options;
using NCrontab;
using PaymentFunctions.App.Hosting;
using PaymentFunctions.App.Operations;

namespace PaymentFunctions.App.Triggers.Timer;

/// <summary>
/// Runs the declared timer functions. Every app instance wakes at each occurrence; the lease row decides which
/// one runs it. Schedules are checked before anything starts, so a bad one stops the host with a clear message.
/// </summary>
internal sealed partial class TimerTriggerHost(
    IEnumerable<TimerTriggerDefinition> definitions,
    TimerLeaseStore store,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<TimerTriggerOptions> options,
    TimeProvider time,
    ILogger<TimerTriggerHost> logger) : BackgroundService
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private IReadOnlyList<ScheduledTimer> timers = [];

    /// <summary>The timers with their parsed schedules, once started.</summary>
    internal IReadOnlyList<ScheduledTimer> Timers => this.timers;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        this.timers = Parse(definitions.ToList(), configuration);
        if (this.timers.Count > 0)
        {
            await store.EnsureSchemaAsync(cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>Runs a timer now, outside its schedule and without a lease (an operator's manual trigger).</summary>
    internal async Task<bool> RunNowAsync(string name, CancellationToken cancellationToken)
    {
        var timer = this.timers.FirstOrDefault(t => string.Equals(t.Definition.Name, name, StringComparison.OrdinalIgnoreCase));
        if (timer is null)
        {
            return false;
        }

        await this.InvokeAsync(timer, this.Now(), leaseOwner: null, isPastDue: false, cancellationToken);
        return true;
    }

    internal static IReadOnlyList<ScheduledTimer> Parse(IReadOnlyList<TimerTriggerDefinition> definitions, IConfiguration configuration)
    {
        var duplicate = definitions.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The timer function '{duplicate.Key}' is declared more than once.");
        }

        return [.. definitions.Select(definition =>
        {
            var expression = FunctionsHost.ResolveSettingReference(configuration, definition.Schedule);
            try
            {
                return new ScheduledTimer(definition, expression, CrontabSchedule.Parse(expression, SixFields));
            }
            catch (CrontabException ex)
            {
                throw new InvalidOperationException(
                    $"The timer function '{definition.Name}' has an invalid schedule '{expression}': expected six NCRONTAB fields "
                    + $"({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}), e.g. '0 */5 * * * *'. {ex.Message}",
                    ex);
            }
        })];
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(this.timers.Select(timer => this.RunScheduleAsync(timer, stoppingToken)));

    private async Task RunScheduleAsync(ScheduledTimer timer, CancellationToken stoppingToken)
    {
        var definition = timer.Definition;
        try
        {
            if (definition.RunOnStartup)
            {
                await this.InvokeAsync(timer, this.Now(), leaseOwner: null, isPastDue: false, stoppingToken);
            }
            else if (definition.UseMonitor && await this.GetStatusAsync(definition.Name, stoppingToken) is { Next: { } missed } && missed < time.GetUtcNow())
            {
                // An occurrence passed while no instance ran: catch up once (the lease keeps it to one instance).
                await this.TryRunOccurrenceAsync(timer, missed, isPastDue: true, stoppingToken);
            }

            var last = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var next = timer.NextAfter(now > last ? now : last);
                timer.PendingOccurrence = next;
                LogScheduled(logger, definition.Name, next);
                await WaitUntilAsync(next, stoppingToken);
                last = next;
                var late = timer.NextAfter(next) <= time.GetUtcNow();
                await this.TryRunOccurrenceAsync(timer, next, late, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits in steps of at most a day: a single delay cannot exceed about 49 days (yearly schedules).</summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var left = due - time.GetUtcNow(); left > TimeSpan.Zero; left = due - time.GetUtcNow())
        {
            await Task.Delay(left < MaxWait ? left : MaxWait, time, stoppingToken);
        }
    }

    private async Task TryRunOccurrenceAsync(ScheduledTimer timer, DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        bool acquired;
        try
        {
            acquired = await store.TryAcquireAsync(timer.Definition.Name, occurrence, this.owner, options.Value.LeaseDuration, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLeaseFailed(logger, timer.Definition.Name, occurrence, ex);
            return;
        }

        if (acquired)
        {
            await this.InvokeAsync(timer, occurrence, this.owner, isPastDue, stoppingToken);
        }
        else
        {
            LogRunElsewhere(logger, timer.Definition.Name, occurrence);
        }
    }

    private async Task InvokeAsync(ScheduledTimer timer, DateTimeOffset occurrence, string? leaseOwner, bool isPastDue, CancellationToken cancellationToken)
    {
        var name = timer.Definition.Name;
        var status = timer.Definition.UseMonitor ? await this.GetStatusAsync(name, cancellationToken) : null;
        using var span = PaymentFunctionsTelemetry.ActivitySource.StartActivity("timer " + name, ActivityKind.Internal);
        span?.SetTag("faas.trigger", "timer");
        span?.SetTag("faas.time", occurrence.ToString("O"));
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = name, ["Occurrence"] = occurrence });
        await using var services = scopes.CreateAsyncScope();
        try
        {
            LogRunning(logger, name, occurrence, isPastDue);
            await timer.Definition.Handler(new TimerTriggerContext(name, new TimerInfo(status, isPastDue, occurrence), services.ServiceProvider), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // As in Functions: a failed run is logged and the schedule goes on.
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogRunFailed(logger, name, occurrence, ex);
        }

        if (timer.Definition.UseMonitor || leaseOwner is not null)
        {
            try
            {
                await store.CompleteAsync(name, occurrence, leaseOwner, timer.NextAfter(occurrence > time.GetUtcNow() ? occurrence : time.GetUtcNow()), CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogStatusFailed(logger, name, ex);
            }
        }
    }

    /// <summary>Now, at PostgreSQL's microsecond precision, so a run's occurrence reads back exactly as recorded.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private async Task<ScheduleStatus?> GetStatusAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetStatusAsync(name, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the status the run still happens; it just cannot say what came before.
            LogStatusFailed(logger, name, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} next runs at {Next:O}")]
    private static partial void LogScheduled(ILogger logger, string functionName, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running timer {FunctionName} for {Occurrence:O} (past due: {IsPastDue})")]
    private static partial void LogRunning(ILogger logger, string functionName, DateTimeOffset occurrence, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} for {Occurrence:O} runs on another instance")]
    private static partial void LogRunElsewhere(ILogger logger, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {FunctionName} for {Occurrence:O} failed")]
    private static partial void LogRunFailed(ILogger logger, string functionName, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} could not take the lease for {Occurrence:O}; skipping it")]
    private static partial void LogLeaseFailed(ILogger logger, string functionName, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} could not read or record its schedule status")]
    private static partial void LogStatusFailed(ILogger logger, string functionName, Exception exception);

    /// <summary>A definition with its parsed schedule.</summary>
    internal sealed record ScheduledTimer(TimerTriggerDefinition Definition, string Expression, CrontabSchedule Schedule)
    {
        private long pendingTicks;

        /// <summary>The occurrence this instance waits for; null until start-up runs and catch-ups are done.</summary>
        public DateTimeOffset? PendingOccurrence
        {
            get => Interlocked.Read(ref this.pendingTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
            set => Interlocked.Exchange(ref this.pendingTicks, value?.UtcTicks ?? 0);
        }

        /// <summary>The first occurrence strictly after <paramref name="time"/>, in UTC.</summary>
        public DateTimeOffset NextAfter(DateTimeOffset time)
            => new(DateTime.SpecifyKind(this.Schedule.GetNextOccurrence(time.UtcDateTime), DateTimeKind.Utc));
    }
}
