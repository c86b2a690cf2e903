using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaymentFunctions.App.Triggers.Timer;
using PaymentFunctions.LocalStack.Postgres;

namespace PaymentFunctions.App.Tests.Triggers.Timer;

public sealed class TimerTriggerTests
{
    private const string Yearly = "0 0 0 1 1 *";

    [Fact]
    public async Task One_occurrence_runs_once_with_two_hosts_on_one_database()
    {
        var runs = new ConcurrentQueue<(int Host, DateTimeOffset Occurrence)>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var first = await StartAsync(Timer("EverySecond", "* * * * * *", 1));
        await using var second = await StartAsync(Timer("EverySecond", "* * * * * *", 2), first);

        await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await first.DisposeAsync();
        await second.DisposeAsync();

        var byOccurrence = runs.GroupBy(r => r.Occurrence).ToList();
        Assert.True(byOccurrence.Count >= 4);
        Assert.All(byOccurrence, occurrence => Assert.Single(occurrence));
        Assert.All(byOccurrence, occurrence => Assert.Equal(0, occurrence.Key.Millisecond));

        Action<IServiceCollection> Timer(string name, string schedule, int host) => services => services.AddTimerTrigger(name, schedule, (context, _) =>
        {
            runs.Enqueue((host, context.Timer.Occurrence));
            if (runs.Select(r => r.Occurrence).Distinct().Count() >= 5)
            {
                enough.TrySetResult();
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task RunOnStartup_fires_when_the_host_starts_and_records_the_run()
    {
        var started = new TaskCompletionSource<TimerInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(services => services.AddTimerTrigger("AtStartup", Yearly, (context, _) =>
        {
            started.TrySetResult(context.Timer);
            return Task.CompletedTask;
        }, runOnStartup: true));

        var info = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(info.IsPastDue);
        Assert.Null(info.ScheduleStatus);
        var status = await WaitForStatusAsync(app, "AtStartup");
        Assert.Equal(info.Occurrence, status.Last);
        Assert.Equal(new DateTimeOffset(info.Occurrence.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), status.Next);
    }

    [Fact]
    public async Task A_timer_without_RunOnStartup_does_not_fire_at_start()
    {
        var fired = 0;
        await using var app = await StartAsync(services => services.AddTimerTrigger("NotAtStartup", Yearly, (_, _) =>
        {
            Interlocked.Increment(ref fired);
            return Task.CompletedTask;
        }));

        // Once the timer waits for its next occurrence, its start-up phase is over.
        var host = app.Services.GetRequiredService<TimerTriggerHost>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (host.Timers.SingleOrDefault(t => t.Definition.Name == "NotAtStartup")?.PendingOccurrence is null)
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.Equal(0, Volatile.Read(ref fired));
        Assert.Null(await app.Services.GetRequiredService<ITimerTriggerMonitor>().GetStatusAsync("NotAtStartup"));
    }

    [Fact]
    public async Task A_schedule_due_more_than_49_days_ahead_waits_without_failing_the_host()
    {
        await using var app = await StartAsync(services => services.AddTimerTrigger("LeapDay", "0 0 0 29 2 *", (_, _) => Task.CompletedTask));
        var host = app.Services.GetRequiredService<TimerTriggerHost>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (host.Timers.SingleOrDefault(t => t.Definition.Name == "LeapDay")?.PendingOccurrence is null)
        {
            await Task.Delay(20, timeout.Token);
        }

        // A single Task.Delay that long throws; the host would fault and stop.
        await Task.Delay(200, timeout.Token);

        Assert.True(host.Timers.Single(t => t.Definition.Name == "LeapDay").PendingOccurrence > DateTimeOffset.UtcNow.AddDays(49));
        Assert.False(host.ExecuteTask?.IsFaulted);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_missed_occurrence_is_caught_up_once_as_past_due()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync(nameof(A_missed_occurrence_is_caught_up_once_as_past_due));
        var hub = "pastdue" + Guid.NewGuid().ToString("N")[..8];
        var missed = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var store = await LeaseStoreAsync(connectionString, hub))
        {
            await store.Store.EnsureSchemaAsync(CancellationToken.None);
            await store.Store.CompleteAsync("Catchup", missed.AddYears(-1), "earlier-host", missed, CancellationToken.None);
        }

        var runs = new ConcurrentQueue<TimerInfo>();
        await using var app = await StartAsync(
            services => services.AddTimerTrigger("Catchup", Yearly, (context, _) =>
            {
                runs.Enqueue(context.Timer);
                return Task.CompletedTask;
            }),
            configure: f => (f.ConnectionString, f.HubName) = (connectionString, hub));

        var status = await WaitForStatusAsync(app, "Catchup", s => s.Last == missed);
        var run = Assert.Single(runs);
        Assert.True(run.IsPastDue);
        Assert.Equal(missed, run.Occurrence);
        Assert.Equal(missed, run.ScheduleStatus?.Next);
        Assert.True(status.Next > DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 25 * * *")]
    [InlineData("every minute")]
    public async Task An_invalid_schedule_fails_start_up_naming_the_function_and_the_expression(string expression)
    {
        await using var app = new AppFactory { ConfigureServices = services => services.AddTimerTrigger("Broken", expression, (_, _) => Task.CompletedTask) };
        await ((IAsyncLifetime)app).InitializeAsync();

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        var messages = string.Join(" | ", Chain(error));
        Assert.Contains("'Broken'", messages);
        Assert.Contains($"'{expression}'", messages);
    }

    [Fact]
    public async Task A_schedule_can_come_from_a_setting()
    {
        await using var app = new AppFactory { ConfigureServices = services => services.AddTimerTrigger("FromSetting", "%MySchedule%", (_, _) => Task.CompletedTask) };
        app.Settings["MySchedule"] = "0 */5 * * * *";
        await ((IAsyncLifetime)app).InitializeAsync();

        var timers = await (await app.CreateAdminClient().GetAsync("/admin/timers")).ReadJsonAsync();

        var timer = timers.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "FromSetting");
        Assert.Equal("0 */5 * * * *", timer.GetProperty("schedule").GetString());
    }

    [Fact]
    public async Task Admin_endpoints_list_timers_with_their_runs_and_trigger_one_by_name()
    {
        var fired = new TaskCompletionSource<TimerInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = await StartAsync(services => services.AddTimerTrigger("Manual", Yearly, (context, _) =>
        {
            fired.TrySetResult(context.Timer);
            return Task.CompletedTask;
        }));
        var admin = app.CreateAdminClient();

        var triggered = await admin.PostAsync("/admin/functions/Manual", null);
        var unknown = await admin.PostAsync("/admin/functions/NoSuchTimer", null);
        var timers = await (await admin.GetAsync("/admin/timers")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var info = await fired.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var manual = timers.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Manual");
        Assert.Equal(Yearly, manual.GetProperty("schedule").GetString());
        Assert.Equal(info.Occurrence, manual.GetProperty("last").GetDateTimeOffset());
        Assert.Contains(timers.EnumerateArray(), t => t.GetProperty("name").GetString() == "PurgeHistory");
    }

    private static IEnumerable<string> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
        }
    }

    private static async Task<AppFactory> StartAsync(Action<IServiceCollection> services, AppFactory? sameDatabaseAs = null, Action<AppFactory>? configure = null)
    {
        var app = new AppFactory { ConfigureServices = services };
        if (sameDatabaseAs is not null)
        {
            app.ConnectionString = sameDatabaseAs.ConnectionString;
            app.HubName = sameDatabaseAs.HubName;
        }

        configure?.Invoke(app);
        await ((IAsyncLifetime)app).InitializeAsync();
        _ = app.Server;
        return app;
    }

    private static async Task<ScheduleStatus> WaitForStatusAsync(AppFactory app, string name, Func<ScheduleStatus, bool>? until = null)
    {
        var monitor = app.Services.GetRequiredService<ITimerTriggerMonitor>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await monitor.GetStatusAsync(name, timeout.Token) is { } status && (until?.Invoke(status) ?? true))
            {
                return status;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    internal static async Task<LeaseStoreHandle> LeaseStoreAsync(string connectionString, string hub)
    {
        var database = new PaymentFunctions.App.Hosting.AppDatabase(await PostgresConnection.AcquireAsync(connectionString), hub);
        return new LeaseStoreHandle(database, new TimerLeaseStore(database));
    }

    internal sealed record LeaseStoreHandle(PaymentFunctions.App.Hosting.AppDatabase Database, TimerLeaseStore Store) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => this.Database.DisposeAsync();
    }
}
