using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using PaymentFunctions.App.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using PaymentFunctions.DurableTask.Hosting.Backends;
using PaymentFunctions.DurableTask.Hosting.Configuration;
using PaymentFunctions.LocalStack.Postgres;
using PaymentFunctions.App.Operations;
using PaymentFunctions.App.Samples;

namespace PaymentFunctions.App.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Counts_started_completed_and_failed_orchestrations_and_times_activities_and_episodes()
    {
        await using var app = new AppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        var admin = app.CreateAdminClient();
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Name)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PaymentFunctionsTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, NameTag(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, NameTag(tags))));
        listener.Start();

        await admin.StartAsync(SampleOrchestrations.HelloSequence, "ok-" + Guid.NewGuid().ToString("N"), "\"Ivy\"");
        var failed = "bad-" + Guid.NewGuid().ToString("N");
        await admin.StartAsync(SampleOrchestrations.FailingStep, failed, "\"fail\"");
        await admin.WaitForStatusAsync(failed, "Failed");
        await admin.WaitForStatusAsync((await admin.StartAsync(SampleOrchestrations.HelloSequence, "ok2-" + Guid.NewGuid().ToString("N"), "\"Jo\"")).Headers.Location!.Segments[^1], "Completed");
        listener.RecordObservableInstruments();

        Assert.Equal(2, measurements.Count(m => m.Instrument == "paymentfunctions.orchestrations.started" && m.Name == SampleOrchestrations.HelloSequence));
        Assert.Equal(1, measurements.Count(m => m.Instrument == "paymentfunctions.orchestrations.started" && m.Name == SampleOrchestrations.FailingStep));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "paymentfunctions.orchestrations.completed" && m.Name == SampleOrchestrations.HelloSequence));
        Assert.Equal(1, measurements.Count(m => m.Instrument == "paymentfunctions.orchestrations.failed" && m.Name == SampleOrchestrations.FailingStep));
        Assert.Equal(7, measurements.Count(m => m.Instrument == "paymentfunctions.activity.duration"));
        Assert.All(measurements.Where(m => m.Instrument.EndsWith("duration", StringComparison.Ordinal) || m.Instrument.EndsWith("latency", StringComparison.Ordinal)), m => Assert.True(m.Value >= 0));
        Assert.Contains(measurements, m => m.Instrument == "paymentfunctions.episode.latency");
        Assert.Contains(measurements, m => m.Instrument == "paymentfunctions.queue.depth");
    }

    [Fact]
    public async Task Queue_depth_counts_the_visible_messages_waiting_in_the_hub()
    {
        var connectionString = await SharedPostgres.CreateDatabaseAsync(nameof(TelemetryTests));
        var hub = "queued" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DurableTaskExtensionOptions.SectionPath}:hubName"] = hub,
            [$"{DurableTaskExtensionOptions.SectionPath}:storageProvider:type"] = StorageProviderOptions.Postgres,
            ["DurableStoreConnection"] = connectionString,
        }).Build();
        await using (var hubServices = new ServiceCollection().AddLogging().AddDurableTaskHost(configuration, _ => { }).BuildServiceProvider())
        {
            // The worker (a hosted service) is never started, so the start messages stay queued.
            await hubServices.GetRequiredService<DurableTaskBackend>().EnsureCreatedAsync(CancellationToken.None);
            var client = hubServices.GetRequiredService<DurableTaskClient>();
            for (var i = 0; i < 3; i++)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(SampleOrchestrations.HelloSequence, "x");
            }
        }

        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var telemetry = new PaymentFunctionsTelemetry(meterFactory);
        await using var database = new AppDatabase(await PostgresConnection.AcquireAsync(connectionString), hub);
        var sampler = new QueueDepthSampler(database, telemetry, TimeProvider.System, NullLogger<QueueDepthSampler>.Instance);

        await sampler.SampleAsync(CancellationToken.None);

        var depths = Observe(meterFactory);
        Assert.Equal(3, depths["orchestration"]);
        Assert.Equal(0, depths["activity"]);
    }

    [Fact]
    public async Task Otlp_export_is_on_only_when_the_endpoint_is_configured()
    {
        await using var plain = new AppFactory();
        await using var exporting = new AppFactory();
        exporting.Settings[OperationsRegistration.OtlpEndpointVariable] = "http://127.0.0.1:4317";
        await ((IAsyncLifetime)plain).InitializeAsync();
        await ((IAsyncLifetime)exporting).InitializeAsync();

        Assert.Null(plain.Services.GetService<OpenTelemetrySdk>());
        var sdk = exporting.Services.GetService<OpenTelemetrySdk>();
        Assert.NotNull(sdk);
        Assert.NotNull(sdk.TracerProvider);
        Assert.NotNull(sdk.MeterProvider);
    }

    private static Dictionary<string, long> Observe(IMeterFactory meterFactory)
    {
        var depths = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "paymentfunctions.queue.depth" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "queue")
                {
                    depths[(string)tag.Value!] = value;
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return depths;
    }

    private static string? NameTag(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "name")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
